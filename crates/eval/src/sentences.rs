//! `eval sentences`: sentence boundaries, ours against the `sentencex` crate, on MEANTIME's
//! tokenised news (sentence numbers on every token), turned back into running text.

use anyhow::{Context, Result};
use regex::Regex;
use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

/// One article as running text, and the byte offsets where its gold sentences start.
pub(crate) struct Doc {
    pub text: String,
    pub starts: Vec<usize>,
    /// Byte range of every token in `text`.
    pub tokens: Vec<(usize, usize)>,
}

/// Joins tokens as an editor would write them: no space before closing punctuation and
/// clitics, none after opening brackets; straight double quotes alternate open and close.
/// The first two sentences (headline and date line) are lines of their own.
pub(crate) fn detokenize(tokens: &[(usize, String)]) -> Doc {
    let mut text = String::new();
    let mut starts = Vec::new();
    let mut spans = Vec::new();
    let mut sentence = usize::MAX;
    let mut quote_open = false;
    let mut glue_next = false;
    for (s, tok) in tokens {
        let new_sentence = *s != sentence;
        let closing = matches!(
            tok.as_str(),
            "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "'s" | "n't" | "'" | "”"
        ) || (tok == "\"" && quote_open);
        if !text.is_empty() {
            if new_sentence && *s <= 2 {
                text.push_str("\n\n");
            } else if !(closing || glue_next) || new_sentence {
                text.push(' ');
            }
        }
        if new_sentence {
            starts.push(text.len());
            sentence = *s;
        }
        glue_next = matches!(tok.as_str(), "(" | "[" | "$" | "“") || (tok == "\"" && !quote_open);
        if tok == "\"" {
            quote_open = !quote_open;
        }
        spans.push((text.len(), text.len() + tok.len()));
        text.push_str(tok);
    }
    Doc {
        text,
        starts,
        tokens: spans,
    }
}

/// MEANTIME's `<token>` elements of one file: sentence number, `t_id` and text.
pub(crate) fn meantime_tokens(xml: &str) -> Vec<(usize, String, String)> {
    static TOKEN: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r#"<token [^>]*sentence="(\d+)"[^>]*t_id="(\d+)"[^>]*>([^<]*)</token>"#)
            .expect("a valid pattern")
    });
    TOKEN
        .captures_iter(xml)
        .filter_map(|c| {
            // Treebank quote tokens become the curly quotes they stand for.
            let tok = match htmlize::unescape(&c[3]).as_ref() {
                "``" => "“".to_string(),
                "''" => "”".to_string(),
                t => t.to_string(),
            };
            Some((c[1].parse().ok()?, c[2].to_string(), tok))
        })
        .collect()
}

fn read(dir: &Path) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for f in crate::files::files_where(dir, |n| n.ends_with(".xml"))? {
        let xml =
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let tokens: Vec<(usize, String)> = meantime_tokens(&xml)
            .into_iter()
            .map(|(s, _, t)| (s, t))
            .collect();
        if !tokens.is_empty() {
            docs.push(detokenize(&tokens));
        }
    }
    Ok(docs)
}

fn skip_space(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}

/// Boundary precision, recall and F1: a boundary is the start of every sentence but the first.
fn score(docs: &[Doc], predicted: &[Vec<usize>]) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (d, p) in docs.iter().zip(predicted) {
        let gold: HashSet<usize> = d.starts.iter().skip(1).copied().collect();
        let pred: HashSet<usize> = p
            .iter()
            .map(|&s| skip_space(&d.text, s))
            .filter(|&s| s > 0 && s < d.text.len())
            .collect();
        tp += pred.intersection(&gold).count();
        np += pred.len();
        ng += gold.len();
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    (
        p,
        r,
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        },
    )
}

pub fn run(dir: &Path, repeats: usize) -> Result<()> {
    let docs = read(dir)?;
    let sentences: usize = docs.iter().map(|d| d.starts.len()).sum();
    say!(
        "{} documents, {sentences} gold sentences from {}",
        docs.len(),
        dir.display()
    );
    let mut results = serde_json::Map::new();
    type Segmenter = fn(&str) -> Vec<usize>;
    let ours: Segmenter = |t| {
        let toks = nlp::tokenize(t);
        nlp::sentences(t, &toks).iter().map(|s| s.start()).collect()
    };
    let theirs: Segmenter = |t| {
        sentencex::get_sentence_boundaries("en", t)
            .iter()
            .map(|b| b.start_byte)
            .collect()
    };
    for (name, f) in [("corroborate", ours), ("sentencex", theirs)] {
        let mut best = f64::INFINITY;
        let mut predicted = Vec::new();
        for _ in 0..repeats {
            let t = Instant::now();
            predicted = docs.iter().map(|d| f(&d.text)).collect();
            best = best.min(t.elapsed().as_secs_f64());
        }
        let (p, r, f1) = score(&docs, &predicted);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let mb_s = bytes as f64 / best / 1e6;
        say!("{name:<12} boundaries: precision {p:.4} recall {r:.4} F1 {f1:.4}  {mb_s:.1} MB/s");
        results.insert(
            name.replace('-', "_"),
            serde_json::json!({"precision": (p * 1e4).round() / 1e4, "recall": (r * 1e4).round() / 1e4, "f1": (f1 * 1e4).round() / 1e4, "mb_per_s": (mb_s * 10.0).round() / 10.0}),
        );
    }
    let mut out = serde_json::json!({"task": "sentences", "dataset": dir.file_name().map(|n| n.to_string_lossy().into_owned())});
    for (k, v) in results {
        out[k] = v;
    }
    say!("{out}");
    Ok(())
}
