//! The BERT uncased tokenizer: text cleaned, lower-cased and stripped of accents, split at white
//! space and punctuation, then cut into the longest word pieces of the vocabulary.

use std::collections::HashMap;
use unicode_general_category::{get_general_category, GeneralCategory as G};
use unicode_normalization::UnicodeNormalization;

/// Words longer than this (in characters) become `[UNK]`, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// A WordPiece vocabulary and its special tokens.
#[derive(Debug, Clone)]
pub struct WordPiece {
    ids: HashMap<String, u32>,
    pub cls: u32,
    pub sep: u32,
    unk: u32,
}

impl WordPiece {
    /// Reads a `vocab.txt`: one piece per line, the line number is its id.
    pub fn from_vocab(text: &str) -> Result<WordPiece, crate::Error> {
        let ids: HashMap<String, u32> = text
            .lines()
            .enumerate()
            .map(|(i, l)| (l.trim_end_matches('\r').to_string(), i as u32))
            .collect();
        let special = |name: &str| {
            ids.get(name)
                .copied()
                .ok_or_else(|| crate::Error::Format(format!("the vocabulary has no {name}")))
        };
        Ok(WordPiece {
            cls: special("[CLS]")?,
            sep: special("[SEP]")?,
            unk: special("[UNK]")?,
            ids,
        })
    }

    /// The ids of `text` between `[CLS]` and `[SEP]`, at most `max_len` in all.
    pub fn encode(&self, text: &str, max_len: usize) -> Vec<u32> {
        let mut out = vec![self.cls];
        let budget = max_len.saturating_sub(1);
        'words: for word in words(text) {
            for id in self.pieces(&word) {
                if out.len() >= budget {
                    break 'words;
                }
                out.push(id);
            }
        }
        out.push(self.sep);
        out
    }

    /// The longest-match-first pieces of one word, or `[UNK]` when it cannot be cut.
    fn pieces(&self, word: &str) -> Vec<u32> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() > MAX_WORD_CHARS {
            return vec![self.unk];
        }
        let mut out = Vec::new();
        let mut start = 0;
        let mut key = String::new();
        while start < chars.len() {
            let mut end = chars.len();
            let mut found = None;
            while end > start {
                key.clear();
                if start > 0 {
                    key.push_str("##");
                }
                let from = chars[start].0;
                let to = chars.get(end).map_or(word.len(), |c| c.0);
                key.push_str(&word[from..to]);
                if let Some(&id) = self.ids.get(key.as_str()) {
                    found = Some(id);
                    break;
                }
                end -= 1;
            }
            match found {
                Some(id) => out.push(id),
                None => return vec![self.unk],
            }
            start = end;
        }
        out
    }
}

/// The normalised words of `text`: control characters dropped, CJK ideographs and punctuation
/// each a word of their own, lower case without accents.
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, words: &mut Vec<String>| {
        if !cur.is_empty() {
            words.push(std::mem::take(cur));
        }
    };
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' || is_control(c) {
            continue;
        }
        if is_whitespace(c) {
            flush(&mut cur, &mut words);
            continue;
        }
        if is_cjk(c) {
            flush(&mut cur, &mut words);
            words.push(c.to_string());
            continue;
        }
        // Accents go (NFD, then non-spacing marks dropped), then lower case, as BERT's
        // normaliser does it; punctuation splits.
        for d in std::iter::once(c).nfd() {
            if get_general_category(d) == G::NonspacingMark {
                continue;
            }
            for l in d.to_lowercase() {
                if is_punctuation(l) {
                    flush(&mut cur, &mut words);
                    words.push(l.to_string());
                } else {
                    cur.push(l);
                }
            }
        }
    }
    flush(&mut cur, &mut words);
    words
}

fn is_whitespace(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || c.is_whitespace()
}

fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    matches!(
        get_general_category(c),
        G::Control | G::Format | G::Unassigned | G::PrivateUse | G::Surrogate
    )
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            get_general_category(c),
            G::ConnectorPunctuation
                | G::DashPunctuation
                | G::OpenPunctuation
                | G::ClosePunctuation
                | G::InitialPunctuation
                | G::FinalPunctuation
                | G::OtherPunctuation
        )
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B920..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}
