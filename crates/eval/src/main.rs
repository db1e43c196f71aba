//! The evaluation binary: measures corroborate on public data sets and prints metrics.
//!
//! Each task prints a human-readable report and, as its last line, one JSON object.
//! Data sets are read from the paths given; nothing here is part of `cargo test`.

/// Prints a line; a closed pipe (`| head`) ends the output quietly instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod extraction;

use anyhow::{bail, Result};
use std::path::PathBuf;

const USAGE: &str = "usage:
  eval extract <dataset-dir> [--extractor corroborate|own|rs-trafilatura|dom-smoothie] [--repeats N] [--dump FILE]

  eval explain <page.html[.gz]> [needle]
      why extraction chose what it chose on one page (candidates, scores, where `needle` went)

  <dataset-dir> is a Zyte article-extraction-benchmark folder (ground-truth.json + html/)
  or a trafilatura evaluation folder (evaldata.json + html/).";

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e:#}");
        std::process::exit(2);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        bail!("no task given\n{USAGE}");
    };
    let mut positional = Vec::new();
    let mut extractor = extraction::Extractor::Corroborate;
    let mut repeats = 3usize;
    let mut dump = None;
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--extractor" => {
                extractor = match it.next().map(String::as_str) {
                    Some("corroborate") => extraction::Extractor::Corroborate,
                    Some("rs-trafilatura") => extraction::Extractor::RsTrafilatura,
                    Some("dom-smoothie") => extraction::Extractor::DomSmoothie,
                    Some("own") => extraction::Extractor::Own,
                    other => bail!("unknown extractor {other:?}\n{USAGE}"),
                }
            }
            "--repeats" => {
                repeats = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or_else(|| anyhow::anyhow!("--repeats takes a positive number"))?
            }
            "--dump" => dump = it.next().map(PathBuf::from),
            "-h" | "--help" => {
                say!("{USAGE}");
                return Ok(());
            }
            _ => positional.push(PathBuf::from(a)),
        }
    }
    match task.as_str() {
        "extract" => {
            let [dir] = positional.as_slice() else {
                bail!("extract takes one dataset folder\n{USAGE}");
            };
            extraction::run(dir, extractor, repeats, dump.as_deref())
        }
        "explain" => {
            let Some(page) = positional.first() else {
                bail!("explain takes a page\n{USAGE}");
            };
            let mut bytes = std::fs::read(page)?;
            if bytes.starts_with(&[0x1f, 0x8b]) {
                let mut out = Vec::new();
                std::io::Read::read_to_end(
                    &mut flate2::read::MultiGzDecoder::new(&bytes[..]),
                    &mut out,
                )?;
                bytes = out;
            }
            let html = extract::decode(&bytes);
            let needle = positional.get(1).and_then(|p| p.to_str()).unwrap_or("");
            for line in extract::explain(&html, needle) {
                say!("{line}");
            }
            let page = extract::extract(&html);
            say!("--- {} chars extracted\n{}", page.text.len(), page.text);
            Ok(())
        }
        "-h" | "--help" => {
            say!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown task '{other}'\n{USAGE}"),
    }
}
