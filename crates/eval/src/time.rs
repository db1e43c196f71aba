//! `eval time`: time expressions against TempEval-3's TimeML (TimeBank + AQUAINT): extraction
//! (strict and relaxed span match) and normalisation (type and value on matched expressions),
//! with each document's creation time as the anchor, as the shared task scored them.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use regex::Regex;
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

struct Doc {
    name: String,
    anchor: Option<NaiveDate>,
    text: String,
    gold: Vec<Gold>,
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Plain text of the `<TEXT>` element with the TIMEX3 spans in it, and the creation time.
fn parse(name: &str, xml: &str) -> Option<Doc> {
    let dct = Regex::new(r#"<DCT>\s*<TIMEX3[^>]*value="([^"]+)""#).ok()?;
    let anchor = dct
        .captures(xml)
        .and_then(|c| NaiveDate::parse_from_str(c[1].get(..10)?, "%Y-%m-%d").ok());
    let body = xml.split_once("<TEXT>")?.1.split_once("</TEXT>")?.0;
    let attr = |tag: &str, key: &str| -> String {
        Regex::new(&format!(r#"{key}="([^"]*)""#))
            .ok()
            .and_then(|r| r.captures(tag).map(|c| c[1].to_string()))
            .unwrap_or_default()
    };
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&unescape(&rest[..lt]));
        let gt = rest[lt..].find('>')? + lt;
        let tag = &rest[lt..=gt];
        if tag.starts_with("<TIMEX3") {
            open = Some((text.len(), attr(tag, "type"), attr(tag, "value")));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((start, kind, value)) = open.take() {
                gold.push(Gold {
                    start,
                    end: text.len(),
                    kind,
                    value,
                });
            }
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(&unescape(rest));
    Some(Doc {
        name: name.to_string(),
        anchor,
        text,
        gold,
    })
}

fn read(dir: &Path) -> Result<Vec<Doc>> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "tml") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let xml =
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let name = f
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        match parse(&name, &xml) {
            Some(d) => docs.push(d),
            None => eprintln!("warning: {}: no <TEXT> element", f.display()),
        }
    }
    Ok(docs)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

pub fn run(dir: &Path, repeats: usize, dump: Option<&Path>) -> Result<()> {
    let docs = read(dir)?;
    let gold_n: usize = docs.iter().map(|d| d.gold.len()).sum();
    say!(
        "{} documents, {gold_n} gold time expressions from {}",
        docs.len(),
        dir.display()
    );
    let mut predicted = Vec::new();
    let mut best = f64::INFINITY;
    for _ in 0..repeats {
        let t = Instant::now();
        predicted = docs
            .iter()
            .map(|d| {
                let tokens = nlp::tokenize(&d.text);
                let sentences = nlp::sentences(&d.text, &tokens);
                temporal::timexes(&d.text, &tokens, &sentences, d.anchor)
            })
            .collect::<Vec<_>>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let (mut strict, mut relaxed, mut value_ok, mut type_ok, mut pred_n) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut lines = Vec::new();
    for (d, p) in docs.iter().zip(&predicted) {
        pred_n += p.len();
        for g in &d.gold {
            let hit = p
                .iter()
                .find(|t| t.span.start() < g.end && g.start < t.span.end());
            match hit {
                Some(t) => {
                    relaxed += 1;
                    strict += usize::from(t.span.start() == g.start && t.span.end() == g.end);
                    value_ok += usize::from(t.value == g.value);
                    type_ok += usize::from(t.kind.as_str() == g.kind);
                    if t.value != g.value {
                        lines.push(format!(
                            "{}\tVALUE\t{:?}\tgold {}\tours {:?} {}",
                            d.name,
                            &d.text[g.start..g.end],
                            g.value,
                            &d.text[t.span.range()],
                            t.value
                        ));
                    }
                }
                None => lines.push(format!(
                    "{}\tMISSED\t{:?}\tgold {}",
                    d.name,
                    &d.text[g.start..g.end],
                    g.value
                )),
            }
        }
        for t in p {
            if !d
                .gold
                .iter()
                .any(|g| t.span.start() < g.end && g.start < t.span.end())
            {
                lines.push(format!(
                    "{}\tSPURIOUS\t{:?}\tours {}",
                    d.name,
                    &d.text[t.span.range()],
                    t.value
                ));
            }
        }
    }
    if let Some(path) = dump {
        std::fs::write(path, lines.join("\n"))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    // Predicted expressions that overlap gold count once each, as the TE3 scorer counts them.
    let matched_pred: usize = docs
        .iter()
        .zip(&predicted)
        .map(|(d, p)| {
            p.iter()
                .filter(|t| {
                    d.gold
                        .iter()
                        .any(|g| t.span.start() < g.end && g.start < t.span.end())
                })
                .count()
        })
        .sum();
    let rp = matched_pred as f64 / pred_n.max(1) as f64;
    let rr = relaxed as f64 / gold_n.max(1) as f64;
    let strict_exact: usize = docs
        .iter()
        .zip(&predicted)
        .map(|(d, p)| {
            p.iter()
                .filter(|t| {
                    d.gold
                        .iter()
                        .any(|g| t.span.start() == g.start && t.span.end() == g.end)
                })
                .count()
        })
        .sum();
    let sp = strict_exact as f64 / pred_n.max(1) as f64;
    let sr = strict as f64 / gold_n.max(1) as f64;
    let relaxed_f1 = f1(rp, rr);
    let value_acc = value_ok as f64 / relaxed.max(1) as f64;
    let type_acc = type_ok as f64 / relaxed.max(1) as f64;
    let docs_per_s = docs.len() as f64 / best;
    say!(
        "extraction, strict:  precision {sp:.4} recall {sr:.4} F1 {:.4}",
        f1(sp, sr)
    );
    say!("extraction, relaxed: precision {rp:.4} recall {rr:.4} F1 {relaxed_f1:.4}");
    say!("value: accuracy {value_acc:.4} on matched, F1 {:.4}; type: accuracy {type_acc:.4}, F1 {:.4}", relaxed_f1 * value_acc, relaxed_f1 * type_acc);
    say!("{pred_n} predicted; {docs_per_s:.0} documents/s (tokens + sentences + time, one core)");
    let r = |x: f64| (x * 1e4).round() / 1e4;
    say!(
        "{}",
        serde_json::json!({"task": "time", "dataset": dir.file_name().map(|n| n.to_string_lossy().into_owned()),
            "strict_f1": r(f1(sp, sr)), "relaxed_f1": r(relaxed_f1), "value_f1": r(relaxed_f1 * value_acc),
            "type_f1": r(relaxed_f1 * type_acc), "value_accuracy": r(value_acc), "docs_per_s": docs_per_s.round()})
    );
    Ok(())
}
