//! `eval time`: time expressions against TempEval-3's TimeML (TimeBank + AQUAINT): extraction
//! (strict and relaxed span match) and normalisation (type and value on matched expressions),
//! with each document's creation time as the anchor, as the shared task scored them.

use crate::files::files_where;
use crate::sentences::{detokenize, meantime_tokens};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use htmlize::unescape;
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;
use std::time::Instant;

/// The value of attribute `key` in a tag's attribute text, or empty.
fn attr(tag: &str, key: &str) -> String {
    static ATTR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(\w+)="([^"]*)""#).expect("a valid pattern"));
    ATTR.captures_iter(tag)
        .find(|c| &c[1] == key)
        .map(|c| c[2].to_string())
        .unwrap_or_default()
}

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
    /// Where the annotated part of the text ends (MEANTIME annotates the first six sentences).
    annotated: usize,
}

/// Plain text of the `<TEXT>` element with the TIMEX3 spans in it, and the creation time.
fn parse(name: &str, xml: &str) -> Option<Doc> {
    static DCT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"<DCT>\s*<TIMEX3[^>]*value="([^"]+)""#).expect("a valid pattern")
    });
    let anchor = DCT
        .captures(xml)
        .and_then(|c| NaiveDate::parse_from_str(c[1].get(..10)?, "%Y-%m-%d").ok());
    let body = xml.split_once("<TEXT>")?.1.split_once("</TEXT>")?.0;
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
        annotated: text.len(),
        text,
        gold,
    })
}

/// MEANTIME's CAT XML: tokens with sentence numbers, and TIMEX3 markables over token ids; the
/// creation time is a markable too (the date line under the headline).
fn parse_meantime(name: &str, xml: &str) -> Option<Doc> {
    let tokens = meantime_tokens(xml);
    let d = detokenize(
        &tokens
            .iter()
            .map(|(s, _, t)| (*s, t.clone()))
            .collect::<Vec<_>>(),
    );
    let index: std::collections::HashMap<&str, usize> = tokens
        .iter()
        .enumerate()
        .map(|(i, (_, id, _))| (id.as_str(), i))
        .collect();
    static TIMEX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?s)<TIMEX3 ([^>]*)>(.*?)</TIMEX3>"#).expect("a valid pattern")
    });
    static TOKEN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"t_id="(\d+)""#).expect("a valid pattern"));
    let mut gold = Vec::new();
    let mut anchor = None;
    for c in TIMEX.captures_iter(xml) {
        let (tag, body) = (&c[1], &c[2]);
        let ids: Vec<usize> = TOKEN
            .captures_iter(body)
            .filter_map(|a| index.get(&a[1]).copied())
            .collect();
        if attr(tag, "functionInDocument") == "CREATION_TIME" {
            // ISO dates, and the day-first `DD-MM-YYYY` a few MEANTIME files use.
            let v = attr(tag, "value");
            let v = v.get(..10)?;
            anchor = NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(v, "%d-%m-%Y"))
                .ok();
        }
        let (Some(&first), Some(&last)) = (ids.iter().min(), ids.iter().max()) else {
            continue;
        };
        gold.push(Gold {
            start: d.tokens[first].0,
            end: d.tokens[last].1,
            kind: attr(tag, "type"),
            value: attr(tag, "value"),
        });
    }
    // MEANTIME annotates the headline, the date line and the first four sentences.
    let annotated = d.starts.get(6).copied().unwrap_or(d.text.len());
    Some(Doc {
        name: name.to_string(),
        anchor,
        text: d.text,
        gold,
        annotated,
    })
}

/// TimeML `.tml` files (TempEval-3), or MEANTIME `.xml` files when there are none.
fn read(dir: &Path) -> Result<Vec<Doc>> {
    let tml = files_where(dir, |n| n.ends_with(".tml"))?;
    let (files, meantime) = if tml.is_empty() {
        (files_where(dir, |n| n.ends_with(".xml"))?, true)
    } else {
        (tml, false)
    };
    let mut docs = Vec::new();
    for f in files {
        let xml =
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let name = f
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let doc = if meantime {
            parse_meantime(&name, &xml)
        } else {
            parse(&name, &xml)
        };
        match doc {
            Some(d) => docs.push(d),
            None => eprintln!("warning: {}: no text found", f.display()),
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
                let mut t = temporal::timexes(&d.text, &tokens, &sentences, d.anchor);
                t.retain(|t| t.span.start() < d.annotated);
                t
            })
            .collect::<Vec<_>>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    // The time layer's cost against the linguistic layer it runs on (tokens, sentences,
    // entities, roles), on the same documents.
    let layers: Vec<nlp::Layers> = docs.iter().map(|d| nlp::annotate(&d.text)).collect();
    let (mut nlp_s, mut time_s) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..repeats {
        let t = Instant::now();
        for d in &docs {
            std::hint::black_box(nlp::annotate(&d.text));
        }
        nlp_s = nlp_s.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for (d, l) in docs.iter().zip(&layers) {
            std::hint::black_box(temporal::timexes(
                &d.text,
                &l.tokens,
                &l.sentences,
                d.anchor,
            ));
        }
        time_s = time_s.min(t.elapsed().as_secs_f64());
    }
    let share = time_s / nlp_s;
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
    // Predicted expressions that match gold count once each, as the TE3 scorer counts them.
    let predicted_matching = |same: &dyn Fn(&temporal::Timex, &Gold) -> bool| -> usize {
        docs.iter()
            .zip(&predicted)
            .map(|(d, p)| {
                p.iter()
                    .filter(|t| d.gold.iter().any(|g| same(t, g)))
                    .count()
            })
            .sum()
    };
    let matched_pred = predicted_matching(&|t, g| t.span.start() < g.end && g.start < t.span.end());
    let strict_exact =
        predicted_matching(&|t, g| t.span.start() == g.start && t.span.end() == g.end);
    let rp = matched_pred as f64 / pred_n.max(1) as f64;
    let rr = relaxed as f64 / gold_n.max(1) as f64;
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
    say!(
        "cost: time expressions take {:.1}% of the linguistic layer's time (tokens, sentences, entities, roles: {:.2} ms/doc)",
        share * 100.0,
        nlp_s * 1e3 / docs.len().max(1) as f64
    );
    let r = |x: f64| (x * 1e4).round() / 1e4;
    say!(
        "{}",
        serde_json::json!({"task": "time", "dataset": dir.file_name().map(|n| n.to_string_lossy().into_owned()),
            "strict_f1": r(f1(sp, sr)), "relaxed_f1": r(relaxed_f1), "value_f1": r(relaxed_f1 * value_acc),
            "type_f1": r(relaxed_f1 * type_acc), "value_accuracy": r(value_acc), "docs_per_s": docs_per_s.round(),
            "cost_vs_linguistic_layer": r(share)})
    );
    Ok(())
}
