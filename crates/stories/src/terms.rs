//! Weighted term vectors of articles: content words and names (capitalised words inside a
//! sentence count twice, title words twice), sublinear term frequency, and inverse document
//! frequency from the documents seen so far with a prior that keeps small piles sensible.

use std::collections::{HashMap, HashSet};

/// Terms kept per article: enough to tell stories apart, small enough to index 100,000 articles.
pub const TOP_TERMS: usize = 64;

/// Pseudo-documents added to the document count, so that with five articles a word they all
/// share still weighs something (idf = ln((n + PRIOR) / (df + 1))).
const PRIOR: f32 = 50.0;

/// A sparse vector: term hashes with weights, L2-normalised, sorted by term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector {
    pub terms: Vec<(u64, f32)>,
}

impl TermVector {
    pub fn dot(&self, other: &TermVector) -> f32 {
        dot_sorted(&self.terms, &other.terms)
    }
}

/// The dot product of two sparse vectors sorted by term.
pub fn dot_sorted(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Raw term counts of one article, before weighting.
#[derive(Debug, Clone, Default)]
pub struct TermCounts {
    pub counts: HashMap<u64, f32>,
}

/// FNV-1a of `s`; the salt keeps apart terms of different kinds (a name and the same word in
/// lower case).
pub fn hash(s: &str, salt: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ salt;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const NAME: u64 = 0x9e37_79b9_7f4a_7c15;

/// How much more a name counts than a word: names tell one story from another of the same kind.
const NAME_WEIGHT: f32 = 2.0;

/// Counts the terms of `title` (weighted twice) and `text`.
pub fn count(title: Option<&str>, text: &str) -> TermCounts {
    let mut counts = HashMap::new();
    for (part, weight) in [(title.unwrap_or(""), 2.0f32), (text, 1.0)] {
        let tokens = nlp::tokenize(part);
        let mut sentence_start = true;
        for t in &tokens {
            let w = t.text(part);
            if t.kind == nlp::TokenKind::Punct {
                sentence_start = matches!(w, "." | "!" | "?" | ":");
                continue;
            }
            if t.kind != nlp::TokenKind::Word && t.kind != nlp::TokenKind::Number {
                continue;
            }
            let lower = w.to_lowercase();
            let start = std::mem::replace(&mut sentence_start, false);
            if lower.len() < 2 || is_stopword(&lower) {
                continue;
            }
            *counts.entry(hash(&lower, 0)).or_insert(0.0) += weight;
            // A capitalised word inside a sentence is (part of) a name: it counts again.
            if !start && w.starts_with(char::is_uppercase) {
                *counts.entry(hash(&lower, NAME)).or_insert(0.0) += NAME_WEIGHT * weight;
            }
        }
    }
    TermCounts { counts }
}

/// Document frequencies, updated as articles arrive.
#[derive(Debug, Clone, Default)]
pub struct DocFreq {
    pub docs: u32,
    pub df: HashMap<u64, u32>,
}

impl DocFreq {
    pub fn add(&mut self, c: &TermCounts) {
        self.docs += 1;
        for t in c.counts.keys() {
            *self.df.entry(*t).or_insert(0) += 1;
        }
    }

    pub fn idf(&self, term: u64) -> f32 {
        let df = self.df.get(&term).copied().unwrap_or(0) as f32;
        ((self.docs as f32 + PRIOR) / (df + 1.0)).ln().max(0.0)
    }

    /// The weighted, normalised vector of the `TOP_TERMS` heaviest terms.
    pub fn vector(&self, c: &TermCounts) -> TermVector {
        self.vector_of(c, TOP_TERMS)
    }

    /// The weighted, normalised vector of the `top` heaviest terms.
    pub fn vector_of(&self, c: &TermCounts, top: usize) -> TermVector {
        self.weigh(c.counts.iter().map(|(&t, &n)| (t, n)), top)
    }

    /// The weighted, normalised vector of the `top` heaviest of these term counts.
    pub fn weigh(&self, counts: impl Iterator<Item = (u64, f32)>, top: usize) -> TermVector {
        let mut terms: Vec<(u64, f32)> = counts
            .map(|(t, n)| (t, (1.0 + n.ln()) * self.idf(t)))
            .filter(|&(_, w)| w > 0.0)
            .collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.truncate(top);
        let norm = terms.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for t in &mut terms {
                t.1 /= norm;
            }
        }
        terms.sort_by_key(|t| t.0);
        TermVector { terms }
    }
}

/// Words that carry no topic: function words, and the words every news story uses ("said",
/// "people", "year").
pub fn is_stopword(w: &str) -> bool {
    nlp::is_function_word(w)
        || matches!(
            w,
            "said"
                | "says"
                | "say"
                | "two"
                | "new"
                | "s"
                | "'s"
                | "’s"
                | "mr"
                | "mrs"
                | "ms"
                | "told"
                | "according"
                | "last"
                | "week"
                | "year"
                | "years"
                | "time"
                | "people"
                | "now"
        )
}

/// The lower-case words of `text`, split at every character that is not a letter or digit.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a lower-case word says what a sentence is about: three letters or more, not a
/// stopword.
pub fn is_content_word(w: &str) -> bool {
    w.len() > 2 && !is_stopword(w)
}

/// The content words of `text`, as a set.
pub fn content_words(text: &str) -> HashSet<String> {
    words(text)
        .into_iter()
        .filter(|w| is_content_word(w))
        .collect()
}

/// The Dice coefficient of two sets: twice the shared items over the sum of the sizes.
pub fn dice<T: std::hash::Hash + Eq>(a: &HashSet<T>, b: &HashSet<T>) -> f32 {
    let inter = a.intersection(b).count();
    2.0 * inter as f32 / (a.len() + b.len()).max(1) as f32
}

/// `s` with its whitespace runs folded to single spaces, cut to `max` characters with an
/// ellipsis: a label or an excerpt for a report.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}
