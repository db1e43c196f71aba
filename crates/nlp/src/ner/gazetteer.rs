//! Names seen in the training data, with how often each was each kind (a list learned from our
//! own labelled data), and a list of place names from a public geographical database; both
//! matched over lower-cased word sequences.

use super::conll::Doc;
use super::labels::{spans, EntityKind};
use std::collections::{HashMap, HashSet};

/// Longest name, in words, that the list holds and matches.
pub const MAX_WORDS: usize = 6;

#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub(crate) names: HashMap<String, [u32; 4]>,
    /// How often each word opens a person's name of two or more words ("Dan" in "Dan Driscoll").
    first_names: HashMap<String, u32>,
    /// Lower-cased names of countries, regions and towns (see `eval train-ner --places`).
    pub(crate) places: HashSet<String>,
    /// The first words of the place names, and the most words a place name has: most words
    /// open no place, and are passed over without building a key.
    place_starts: HashSet<String>,
    place_words: usize,
}

/// A name's counts in one document, subtracted while training on that document so that the
/// tagger does not learn to trust a list that always contains the answer.
pub type Own = HashMap<String, [u32; 4]>;

pub fn key(words: &[&str]) -> String {
    let mut k = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            k.push(' ');
        }
        k.extend(w.chars().flat_map(char::to_lowercase));
    }
    k
}

/// The names of one labelled document and their kinds.
pub fn names_in(doc: &Doc) -> Own {
    let mut own: Own = HashMap::new();
    for s in &doc.sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        for (a, b, k) in spans(&s.labels) {
            if b - a <= MAX_WORDS {
                own.entry(key(&words[a..b])).or_default()[k as usize] += 1;
            }
        }
    }
    own
}

/// Word `i`'s place in the name of `len` words starting at `start`, as in the labels: 0 first,
/// 1 inner, 2 last, 3 the only word.
fn part(i: usize, start: usize, len: usize) -> u8 {
    match (i == start, i + 1 == start + len) {
        (true, true) => 3,
        (true, false) => 0,
        (false, true) => 2,
        (false, false) => 1,
    }
}

/// First words of the multi-word person names in a list of names, counted.
fn first_names(names: &HashMap<String, [u32; 4]>) -> HashMap<String, u32> {
    let mut out: HashMap<String, u32> = HashMap::new();
    for (name, counts) in names {
        let person = counts[EntityKind::Person as usize];
        if let Some((first, _)) = name.split_once(' ') {
            if person > 0 && first.chars().count() > 1 {
                *out.entry(first.to_string()).or_default() += person;
            }
        }
    }
    out
}

impl Gazetteer {
    pub(crate) fn new(names: HashMap<String, [u32; 4]>) -> Gazetteer {
        Gazetteer {
            first_names: first_names(&names),
            names,
            places: HashSet::new(),
            place_starts: HashSet::new(),
            place_words: 0,
        }
    }

    /// The same list with place names to match (any case; kept lower-cased).
    pub fn with_places(mut self, places: impl IntoIterator<Item = String>) -> Gazetteer {
        self.places = places
            .into_iter()
            .map(|p| key(&p.split_whitespace().collect::<Vec<_>>()))
            .filter(|p| !p.is_empty() && p.split(' ').count() <= MAX_WORDS)
            .collect();
        self.place_starts = self
            .places
            .iter()
            .filter_map(|p| p.split(' ').next())
            .map(str::to_string)
            .collect();
        self.place_words = self
            .places
            .iter()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(0);
        self
    }

    pub fn places(&self) -> usize {
        self.places.len()
    }

    /// For each word, its position in the longest listed place name covering it that starts
    /// with a capitalised word: 0 none, then 1 to 4 for first, inner, last and only word.
    pub fn place_matches(&self, words: &[&str]) -> Vec<u8> {
        let mut out = vec![0u8; words.len()];
        if self.places.is_empty() {
            return out;
        }
        let mut start = 0;
        while start < words.len() {
            if !words[start].chars().next().is_some_and(char::is_uppercase)
                || !self.place_starts.contains(&words[start].to_lowercase())
            {
                start += 1;
                continue;
            }
            let found = (1..=self.place_words.min(words.len() - start))
                .rev()
                .find(|&len| self.places.contains(&key(&words[start..start + len])));
            let Some(len) = found else {
                start += 1;
                continue;
            };
            for (i, o) in out.iter_mut().enumerate().skip(start).take(len) {
                *o = part(i, start, len) + 1;
            }
            start += len;
        }
        out
    }

    /// Whether a lower-cased word usually opens a person's name, leaving out `own` names.
    pub fn is_first_name(&self, lower: &str, own: Option<&Own>) -> bool {
        let Some(&n) = self.first_names.get(lower) else {
            return false;
        };
        let mine: u32 = own.map_or(0, |o| {
            o.iter()
                .filter(|(name, _)| name.split_once(' ').is_some_and(|(f, _)| f == lower))
                .map(|(_, c)| c[EntityKind::Person as usize])
                .sum()
        });
        n > mine
    }

    pub fn from_docs(docs: &[Doc]) -> Gazetteer {
        let mut names: HashMap<String, [u32; 4]> = HashMap::new();
        for d in docs {
            for (n, c) in names_in(d) {
                let e = names.entry(n).or_default();
                for (a, b) in e.iter_mut().zip(c) {
                    *a += b;
                }
            }
        }
        Gazetteer::new(names)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// For each word, the kinds of the listed names covering it and its position in each:
    /// bit `kind * 4 + part` (parts B, I, L, U as in the labels). Only the longest match
    /// starting at a word counts, and a kind must be at least a third of the name's uses.
    pub fn matches(&self, words: &[&str], own: Option<&Own>) -> Vec<u16> {
        let mut out = vec![0u16; words.len()];
        if self.names.is_empty() {
            return out;
        }
        for start in 0..words.len() {
            if !words[start]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            for len in (1..=MAX_WORDS.min(words.len() - start)).rev() {
                let k = key(&words[start..start + len]);
                let Some(counts) = self.names.get(&k) else {
                    continue;
                };
                let mut c = *counts;
                if let Some(o) = own.and_then(|o| o.get(&k)) {
                    for (a, b) in c.iter_mut().zip(o) {
                        *a -= b;
                    }
                }
                let total: u32 = c.iter().sum();
                if total == 0 {
                    continue;
                }
                for (kind, &n) in c.iter().enumerate() {
                    if n * 3 < total || n == 0 {
                        continue;
                    }
                    for (i, o) in out.iter_mut().enumerate().skip(start).take(len) {
                        *o |= 1 << (kind * 4 + usize::from(part(i, start, len)));
                    }
                }
                break;
            }
        }
        out
    }
}
