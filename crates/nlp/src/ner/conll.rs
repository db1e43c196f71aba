//! CoNLL-style labelled data (the CoNLL-2003 columns, or `token start end tag` lines) and
//! `conlleval`'s exact-span scoring.

use super::labels::{from_spans, spans, spans_from_iob, EntityKind, Label};
use std::collections::HashSet;

#[derive(Debug, Clone)]
pub struct Sentence {
    pub words: Vec<String>,
    pub labels: Vec<Label>,
}

#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub sentences: Vec<Sentence>,
}

#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

/// Reads documents separated by `-DOCSTART-` lines and sentences separated by blank lines.
/// The word is the first column and the tag (IOB1 or IOB2) the last; a file without
/// `-DOCSTART-` is one document.
pub fn parse(text: &str) -> Result<Vec<Doc>, ParseError> {
    let mut docs = vec![Doc::default()];
    let (mut words, mut tags): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let flush = |docs: &mut Vec<Doc>, words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            let labels = from_spans(words.len(), &spans_from_iob(tags));
            let doc = docs.last_mut().expect("at least one document");
            doc.sentences.push(Sentence {
                words: std::mem::take(words),
                labels,
            });
            tags.clear();
        }
    };
    for (n, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        match cols.as_slice() {
            [] => flush(&mut docs, &mut words, &mut tags),
            [first, ..] if *first == "-DOCSTART-" => {
                flush(&mut docs, &mut words, &mut tags);
                if !docs.last().is_some_and(|d| d.sentences.is_empty()) {
                    docs.push(Doc::default());
                }
            }
            [_] => {
                return Err(ParseError {
                    line: n + 1,
                    message: format!("expected a word and a tag, found {line:?}"),
                })
            }
            [word, .., tag] => {
                let ok = *tag == "O"
                    || tag
                        .split_once('-')
                        .is_some_and(|(p, _)| matches!(p, "B" | "I" | "E" | "S"));
                if !ok {
                    return Err(ParseError {
                        line: n + 1,
                        message: format!("{tag:?} is not an IOB tag"),
                    });
                }
                words.push((*word).to_string());
                tags.push((*tag).to_string());
            }
        }
    }
    flush(&mut docs, &mut words, &mut tags);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// True positives, false positives and false negatives, per kind and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub counts: [(usize, usize, usize); 4],
}

impl Score {
    pub fn add(&mut self, other: &Score) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            a.0 += b.0;
            a.1 += b.1;
            a.2 += b.2;
        }
    }

    fn prf((tp, fp, fn_): (usize, usize, usize)) -> (f64, f64, f64) {
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    /// Precision, recall and F1 over all kinds (micro-averaged).
    pub fn overall(&self) -> (f64, f64, f64) {
        let sum = self
            .counts
            .iter()
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        Score::prf(sum)
    }

    pub fn f1(&self) -> f64 {
        self.overall().2
    }

    pub fn kind(&self, kind: EntityKind) -> (f64, f64, f64) {
        Score::prf(self.counts[kind as usize])
    }
}

/// Scores predicted labels against gold labels for one sentence: an entity counts only when
/// its span and kind both match.
pub fn score(gold: &[Label], predicted: &[Label]) -> Score {
    let g: HashSet<_> = spans(gold).into_iter().collect();
    let p: HashSet<_> = spans(predicted).into_iter().collect();
    let mut s = Score::default();
    for e in &p {
        let c = &mut s.counts[e.2 as usize];
        if g.contains(e) {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }
    for e in g.difference(&p) {
        s.counts[e.2 as usize].2 += 1;
    }
    s
}
