//! `extract`: main-content extraction on the Zyte benchmark and the trafilatura evaluation set,
//! each scored with its own published metric.

use crate::{round1, round4};
use anyhow::{bail, Context, Result};
use regex::Regex;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

#[derive(Debug, Clone, Copy)]
pub enum Extractor {
    /// Our whole HTML path: rs-trafilatura plus news cleanup, as `corroborate analyze` runs it.
    Corroborate,
    /// rs-trafilatura alone, default options.
    RsTrafilatura,
    /// dom_smoothie (a Readability port), text output.
    DomSmoothie,
    /// Our own extractor alone (the `extract` crate), without news cleanup.
    Own,
}

impl Extractor {
    fn name(self) -> &'static str {
        match self {
            Extractor::Corroborate => "corroborate",
            Extractor::RsTrafilatura => "rs-trafilatura",
            Extractor::DomSmoothie => "dom-smoothie",
            Extractor::Own => "own",
        }
    }

    fn extract(self, html: &[u8]) -> String {
        match self {
            Extractor::Corroborate => ingest::read_html("page", html, None)
                .articles
                .into_iter()
                .next()
                .map(|a| a.text)
                .unwrap_or_default(),
            Extractor::Own => extract::extract(&extract::decode(html)).text,
            Extractor::RsTrafilatura => rs_trafilatura::extract_bytes(html)
                .map(|r| r.content_text)
                .unwrap_or_default(),
            Extractor::DomSmoothie => {
                let html = String::from_utf8_lossy(html);
                let cfg = dom_smoothie::Config {
                    text_mode: dom_smoothie::TextMode::Formatted,
                    ..Default::default()
                };
                dom_smoothie::Readability::new(html.as_ref(), None, Some(cfg))
                    .ok()
                    .and_then(|mut r| r.parse().ok())
                    .map(|a| a.text_content.to_string())
                    .unwrap_or_default()
            }
        }
    }
}

fn gunzip(path: &Path) -> Result<Vec<u8>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut out)
        .with_context(|| format!("cannot gunzip {}", path.display()))?;
    Ok(out)
}

/// Runs every page through the extractor `repeats` times; returns the outputs and the best pass time.
fn timed(pages: &[(String, Vec<u8>)], ex: Extractor, repeats: usize) -> (Vec<String>, f64) {
    for (_, html) in pages.iter().take(10) {
        ex.extract(html);
    }
    let mut best = f64::INFINITY;
    let mut outputs = Vec::new();
    for _ in 0..repeats {
        let t = Instant::now();
        outputs = pages.iter().map(|(_, html)| ex.extract(html)).collect();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (outputs, best)
}

pub fn run(dir: &Path, ex: Extractor, repeats: usize, dump: Option<&Path>) -> Result<()> {
    if dir.join("ground-truth.json").exists() {
        zyte(dir, ex, repeats, dump)
    } else if dir.join("evaldata.json").exists() {
        trafilatura_eval(dir, ex, repeats, dump)
    } else {
        bail!(
            "{} has neither ground-truth.json (Zyte benchmark) nor evaldata.json (trafilatura evaluation)",
            dir.display()
        )
    }
}

// ------------------------------------------------------------------ Zyte article extraction benchmark

static WORD: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| Regex::new(r"\w+").unwrap());

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    let n = 4.min(toks.len());
    for w in toks.windows(n) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Per-page (tp, fp, fn), normalised to sum to one, as the benchmark's evaluate.py does.
fn page_counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (t, p) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (tp, fp, fn_)
    }
}

fn zyte(dir: &Path, ex: Extractor, repeats: usize, dump: Option<&Path>) -> Result<()> {
    let gt_path = dir.join("ground-truth.json");
    let gt: HashMap<String, Value> = serde_json::from_slice(
        &std::fs::read(&gt_path).with_context(|| format!("cannot read {}", gt_path.display()))?,
    )
    .with_context(|| format!("{} is not the benchmark's JSON", gt_path.display()))?;
    let mut keys: Vec<&String> = gt.keys().collect();
    keys.sort();
    let mut pages = Vec::new();
    for k in &keys {
        let html = gunzip(&dir.join("html").join(format!("{k}.html.gz")))?;
        pages.push(((*k).clone(), html));
    }
    let (outputs, secs) = timed(&pages, ex, repeats);
    let (mut precisions, mut recalls, mut exact) = (Vec::new(), Vec::new(), 0usize);
    for ((key, _), pred) in pages.iter().zip(&outputs) {
        let truth = gt[key]["articleBody"].as_str().unwrap_or("");
        let (tp, fp, fn_) = page_counts(truth, pred);
        if tp + fp > 0.0 {
            precisions.push(if fp == 0.0 && fn_ == 0.0 {
                1.0
            } else {
                tp / (tp + fp)
            });
        }
        if tp + fn_ > 0.0 {
            recalls.push(if fp == 0.0 && fn_ == 0.0 {
                1.0
            } else {
                tp / (tp + fn_)
            });
        }
        let tt: Vec<&str> = WORD.find_iter(truth).map(|m| m.as_str()).collect();
        let pt: Vec<&str> = WORD.find_iter(pred).map(|m| m.as_str()).collect();
        exact += usize::from(tt == pt);
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (p, r) = (mean(&precisions), mean(&recalls));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let pages_per_s = pages.len() as f64 / secs;
    let mb: f64 = pages.iter().map(|(_, h)| h.len()).sum::<usize>() as f64 / 1e6;
    if let Some(path) = dump {
        let out: serde_json::Map<String, Value> = pages
            .iter()
            .zip(&outputs)
            .map(|((k, _), text)| (k.clone(), json!({ "articleBody": text })))
            .collect();
        std::fs::write(path, serde_json::to_string(&Value::Object(out))?)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    say!(
        "zyte-aeb  {:<15} pages={}  P={p:.3} R={r:.3} F1={f1:.3} exact={:.3}  {pages_per_s:.1} pages/s ({:.1} MB/s, best of {repeats})",
        ex.name(),
        pages.len(),
        exact as f64 / pages.len() as f64,
        mb / secs
    );
    say!(
        "{}",
        json!({"task": "extract", "dataset": "zyte-aeb", "extractor": ex.name(), "pages": pages.len(),
               "precision": round4(p), "recall": round4(r), "f1": round4(f1),
               "accuracy": round4(exact as f64 / pages.len() as f64), "pages_per_s": round1(pages_per_s)})
    );
    Ok(())
}

// ------------------------------------------------------------------ trafilatura evaluation set

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn trafilatura_eval(dir: &Path, ex: Extractor, repeats: usize, dump: Option<&Path>) -> Result<()> {
    let data_path = dir.join("evaldata.json");
    let data: HashMap<String, Value> = serde_json::from_slice(
        &std::fs::read(&data_path)
            .with_context(|| format!("cannot read {}", data_path.display()))?,
    )?;
    let mut urls: Vec<&String> = data.keys().collect();
    urls.sort();
    let mut pages = Vec::new();
    let mut missing = 0;
    for url in &urls {
        let file = data[*url]["file"].as_str().unwrap_or_default();
        let path = dir.join("html").join(format!("{file}.gz"));
        if path.exists() {
            pages.push(((*url).clone(), gunzip(&path)?));
        } else {
            missing += 1;
        }
    }
    let (outputs, secs) = timed(&pages, ex, repeats);
    let by_url: HashMap<&str, String> = pages
        .iter()
        .zip(&outputs)
        .map(|((u, _), o)| (u.as_str(), norm(o)))
        .collect();
    let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
    for url in &urls {
        let item = &data[*url];
        let segs = |k: &str| -> Vec<String> {
            item[k]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).map(norm).collect())
                .unwrap_or_default()
        };
        let (with, without) = (segs("with"), segs("without"));
        let found = |s: &String| {
            by_url
                .get(url.as_str())
                .is_some_and(|o| o.contains(s.as_str()))
        };
        let t = with.iter().filter(|s| found(s)).count();
        let f = without.iter().filter(|s| found(s)).count();
        tp += t;
        fn_ += with.len() - t;
        fp += f;
        tn += without.len() - f;
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64;
    let acc = (tp + tn) as f64 / (tp + fp + fn_ + tn).max(1) as f64;
    let pages_per_s = pages.len() as f64 / secs;
    if let Some(path) = dump {
        let out: serde_json::Map<String, Value> = pages
            .iter()
            .zip(&outputs)
            .map(|((k, _), text)| (k.clone(), Value::String(text.clone())))
            .collect();
        std::fs::write(path, serde_json::to_string(&Value::Object(out))?)?;
    }
    say!(
        "trafilatura-eval  {:<15} docs={} (html missing: {missing})  P={p:.3} R={r:.3} acc={acc:.3} F1={f1:.3} (tp={tp} fp={fp} fn={fn_} tn={tn})  {pages_per_s:.1} pages/s (best of {repeats})",
        ex.name(),
        urls.len(),
    );
    say!(
        "{}",
        json!({"task": "extract", "dataset": "trafilatura-eval", "extractor": ex.name(), "pages": pages.len(),
               "precision": round4(p), "recall": round4(r), "f1": round4(f1), "accuracy": round4(acc),
               "pages_per_s": round1(pages_per_s)})
    );
    Ok(())
}
