//! Feature extraction for the entity tagger: each feature is a 64-bit hash of a template and its
//! values, computed without allocating strings.

use super::gazetteer::{Gazetteer, Own};
use super::labels::Label;
use super::weights::WordTable;
use std::collections::HashMap;

/// FNV-1a over the template number and its parts, with a separator between parts.
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    fn new(template: u8) -> H {
        H(0xcbf2_9ce4_8422_2325).byte(template)
    }
    fn byte(self, b: u8) -> H {
        H((self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
    }
    fn s(self, s: &str) -> H {
        s.bytes().fold(self, H::byte).byte(0xff)
    }
    fn n(self, v: u32) -> H {
        v.to_le_bytes().into_iter().fold(self, H::byte).byte(0xfe)
    }
    fn done(self) -> u64 {
        // Final avalanche so that near-equal inputs spread over the map.
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

/// What the features need to know about one token, computed once per token.
pub struct TokenInfo {
    lower: String,
    raw: String,
    shape: String,
    clusters: [u32; 3],
    case_class: u32,
    /// How the same word is written elsewhere in the document when it is not in a capitalised
    /// headline or at the start of a sentence: 0 unknown, 1 lower case, 2 capitalised, 3 both.
    doc_case: u32,
    /// Listed names covering this word (see [`Gazetteer::matches`]).
    gaz: u16,
    /// The word usually opens a person's name in the training data.
    first_name: bool,
    /// Position in a listed place name (see [`Gazetteer::place_matches`]).
    place: u8,
    /// Length of the run of capitalised words this word is in (0 if not capitalised), capped.
    cap_run: u32,
    /// What a first pass said about the same word elsewhere in the document, per kind:
    /// 0 never, 1 less than half of the time, 2 at least half, 3 always.
    hint: [u8; 4],
}

/// First-pass labels of one document, counted per word: how often each word was inside an
/// entity of each kind (last slot: outside any), where case leaves room for a name.
pub struct Hints {
    by_word: HashMap<String, [u32; 5]>,
}

fn could_be_name(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase()) && w.chars().any(char::is_alphabetic)
}

impl Hints {
    pub fn new(sentences: &[Vec<&str>], labels: &[Vec<Label>]) -> Hints {
        let mut by_word: HashMap<String, [u32; 5]> = HashMap::new();
        for (words, ls) in sentences.iter().zip(labels) {
            for (w, l) in words.iter().zip(ls) {
                if could_be_name(w) {
                    let slot = l.kind().map_or(4, |k| k as usize);
                    by_word.entry(w.to_lowercase()).or_default()[slot] += 1;
                }
            }
        }
        Hints { by_word }
    }

    /// Fills in the hints of one sentence's tokens, leaving out each token's own first-pass label.
    pub fn apply(&self, words: &[&str], labels: &[Label], infos: &mut [TokenInfo]) {
        for ((w, l), info) in words.iter().zip(labels).zip(infos.iter_mut()) {
            let Some(c) = self.by_word.get(&info.lower) else {
                continue;
            };
            let mut c = *c;
            if could_be_name(w) {
                c[l.kind().map_or(4, |k| k as usize)] -= 1;
            }
            let total: u32 = c.iter().sum();
            if total == 0 {
                continue;
            }
            for (hint, &n) in info.hint.iter_mut().zip(&c) {
                *hint = match n {
                    0 => 0,
                    n if n == total => 3,
                    n if n * 2 >= total => 2,
                    _ => 1,
                };
            }
        }
    }
}

/// `Xxxx` → `Xx`, `U.S.` → `X.X.`, `600,000` → `d,d`: runs of one class collapse to one symbol.
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(k) || !matches!(k, 'X' | 'x' | 'd') {
            out.push(k);
        }
        last = Some(k);
    }
    out
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A sentence written in capitals, as headlines and sports results are: its capitals say nothing.
fn is_caps_sentence(words: &[&str]) -> bool {
    let letters: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    letters.len() >= 2 && letters.iter().all(|w| !w.chars().any(char::is_lowercase))
}

/// Per-document facts used by the features: the case each word takes in running text.
pub struct DocContext {
    case_of: HashMap<String, u32>,
}

impl DocContext {
    pub fn new(sentences: &[Vec<&str>]) -> DocContext {
        let mut case_of: HashMap<String, u32> = HashMap::new();
        for s in sentences {
            if is_caps_sentence(s) {
                continue;
            }
            for (i, w) in s.iter().enumerate().skip(1) {
                if !w.chars().any(char::is_alphabetic) || s[i - 1].ends_with(['"', '\'']) {
                    continue;
                }
                let bit = if is_capitalised(w) { 2 } else { 1 };
                *case_of.entry(w.to_lowercase()).or_default() |= bit;
            }
        }
        DocContext { case_of }
    }
}

pub fn token_infos(
    words: &[&str],
    doc: &DocContext,
    table: &WordTable,
    gazetteer: &Gazetteer,
    own: Option<&Own>,
) -> Vec<TokenInfo> {
    let caps = is_caps_sentence(words);
    let gaz = gazetteer.matches(words, own);
    let places = gazetteer.place_matches(words);
    let mut runs = vec![0u32; words.len()];
    let mut i = 0;
    while i < words.len() {
        let n = words[i..].iter().take_while(|w| is_capitalised(w)).count();
        for r in &mut runs[i..i + n] {
            *r = n.min(4) as u32;
        }
        i += n.max(1);
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            let entry = table.get(&lower);
            TokenInfo {
                raw: if caps {
                    lower.clone()
                } else {
                    (*w).to_string()
                },
                shape: if caps { "CAPS".to_string() } else { shape(w) },
                clusters: entry.map_or([u32::MAX; 3], |e| e.clusters.map(u32::from)),
                case_class: entry.map_or(9, |e| u32::from(e.case)),
                doc_case: doc.case_of.get(&lower).copied().unwrap_or(0),
                gaz: gaz[i],
                first_name: gazetteer.is_first_name(&lower, own),
                place: places[i],
                cap_run: if caps { 9 } else { runs[i] },
                hint: [0; 4],
                lower,
            }
        })
        .collect()
}

const PAD: &str = "<pad>";

/// The features of token `i` that do not depend on predicted labels.
pub fn static_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let t = &infos[i];
    let at = |j: isize| -> Option<&TokenInfo> {
        usize::try_from(i as isize + j)
            .ok()
            .and_then(|j| infos.get(j))
    };
    let lower = |j: isize| at(j).map_or(PAD, |t| t.lower.as_str());
    let shp = |j: isize| at(j).map_or(PAD, |t| t.shape.as_str());
    let clus = |j: isize, k: usize| at(j).map_or(u32::MAX - 1, |t| t.clusters[k]);

    out.push(H::new(0).done());
    out.push(H::new(1).s(&t.lower).done());
    out.push(H::new(2).s(&t.raw).done());
    out.push(H::new(3).s(&t.shape).done());
    let bounds: Vec<usize> = t.lower.char_indices().map(|(b, _)| b).skip(1).collect();
    let len = t.lower.len();
    for (n, &b) in bounds.iter().take(4).enumerate() {
        out.push(H::new(4).n(n as u32 + 1).s(&t.lower[..b]).done());
    }
    for (n, &b) in bounds.iter().rev().take(4).enumerate() {
        out.push(H::new(5).n(n as u32 + 1).s(&t.lower[b..]).done());
    }
    if bounds.len() < 4 {
        // The whole word is its own longest prefix and suffix.
        out.push(H::new(4).n(bounds.len() as u32 + 1).s(&t.lower).done());
        out.push(
            H::new(5)
                .n(bounds.len() as u32 + 1)
                .s(&t.lower[..len])
                .done(),
        );
    }
    for j in [-2isize, -1, 1, 2] {
        out.push(H::new(6).n(j as u32).s(lower(j)).done());
    }
    out.push(H::new(7).s(shp(-1)).done());
    out.push(H::new(8).s(shp(1)).done());
    out.push(H::new(9).s(shp(-1)).s(&t.shape).done());
    out.push(H::new(10).s(&t.shape).s(shp(1)).done());
    out.push(H::new(11).s(lower(-1)).s(&t.lower).done());
    out.push(H::new(12).s(&t.lower).s(lower(1)).done());
    out.push(H::new(13).n(u32::from(i == 0)).s(&t.shape).done());
    for k in 0..3 {
        if t.clusters[k] != u32::MAX {
            out.push(H::new(14).n(k as u32).n(t.clusters[k]).done());
        }
    }
    out.push(H::new(15).n(clus(-1, 1)).done());
    out.push(H::new(16).n(clus(1, 1)).done());
    out.push(H::new(17).n(clus(-1, 0)).n(t.clusters[0]).done());
    out.push(H::new(18).n(t.clusters[0]).n(clus(1, 0)).done());
    out.push(H::new(19).n(t.case_class).s(&t.shape).done());
    out.push(H::new(20).n(t.doc_case).s(&t.shape).done());
    out.push(H::new(21).n(t.doc_case).n(t.clusters[1]).done());
    for bit in 0..16 {
        if t.gaz & (1 << bit) != 0 {
            out.push(H::new(22).n(bit).done());
            out.push(H::new(23).n(bit).s(&t.shape).done());
        }
    }
    let raw = |j: isize| at(j).map_or(PAD, |t| t.raw.as_str());
    out.push(H::new(24).s(raw(-1)).done());
    out.push(H::new(25).s(raw(1)).done());
    out.push(H::new(26).s(lower(-1)).s(&t.shape).done());
    out.push(H::new(27).s(&t.shape).s(lower(1)).done());
    out.push(
        H::new(28)
            .n(t.cap_run)
            .n(at(-1).map_or(0, |p| p.cap_run))
            .done(),
    );
    out.push(
        H::new(29)
            .n(at(-1).map_or(0, |p| u32::from(p.gaz)))
            .n(u32::from(t.gaz))
            .done(),
    );
    let place = |j: isize| at(j).map_or(9, |t| u32::from(t.place));
    if t.place != 0 {
        out.push(H::new(47).n(place(0)).done());
        out.push(H::new(48).n(place(0)).s(&t.shape).done());
        out.push(H::new(49).n(place(0)).s(lower(-1)).done());
        out.push(H::new(50).n(place(0)).n(u32::from(t.gaz)).done());
    }
    out.push(H::new(51).n(place(-1)).n(place(0)).n(place(1)).done());
    let first = |j: isize| at(j).is_some_and(|t| t.first_name);
    out.push(H::new(45).n(first(0).into()).s(&t.shape).done());
    out.push(H::new(46).n(first(-1).into()).s(&t.shape).done());
    // The words around, and their word classes, as a bag on each side.
    for j in 1..=4 {
        out.push(H::new(35).s(lower(-j)).done());
        out.push(H::new(36).s(lower(j)).done());
        out.push(H::new(37).n(clus(-j, 1)).done());
        out.push(H::new(38).n(clus(j, 1)).done());
    }
}

/// The features of token `i` from the first pass's hints (none before the second pass).
pub fn hint_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let t = &infos[i];
    let at = |j: isize| -> Option<&TokenInfo> {
        usize::try_from(i as isize + j)
            .ok()
            .and_then(|j| infos.get(j))
    };
    if t.hint != [0; 4] {
        for (k, &bin) in t.hint.iter().enumerate() {
            if bin > 0 {
                out.push(H::new(30).n(k as u32).n(bin.into()).done());
                out.push(H::new(31).n(k as u32).n(bin.into()).s(&t.shape).done());
            }
        }
        let next = at(1).map_or([0; 4], |n| n.hint);
        let prev = at(-1).map_or([0; 4], |p| p.hint);
        out.push(
            H::new(32)
                .n(u32::from_le_bytes(prev))
                .n(u32::from_le_bytes(t.hint))
                .done(),
        );
        out.push(
            H::new(33)
                .n(u32::from_le_bytes(t.hint))
                .n(u32::from_le_bytes(next))
                .done(),
        );
    }
}

/// The features of token `i` given the labels predicted for the tokens before it.
pub fn label_features(
    infos: &[TokenInfo],
    i: usize,
    prev: Label,
    prev2: Label,
    out: &mut Vec<u64>,
) {
    let t = &infos[i];
    out.push(H::new(40).n(prev.0.into()).done());
    out.push(H::new(41).n(prev.0.into()).n(prev2.0.into()).done());
    out.push(H::new(42).n(prev.0.into()).s(&t.lower).done());
    out.push(H::new(43).n(prev.0.into()).s(&t.shape).done());
    let next = infos.get(i + 1).map_or(PAD, |t| t.lower.as_str());
    out.push(H::new(44).n(prev.0.into()).s(next).done());
}
