//! Named entities (PER, ORG, LOC, MISC) from a statistical tagger trained by our own code on
//! CoNLL-2003: an averaged perceptron over rich token features and word classes, decoded greedily
//! with well-formed BILOU labels, then made consistent across the document.

pub mod conll;
mod features;
pub mod gazetteer;
pub mod labels;
pub mod train;

#[cfg(test)]
mod tests;
mod weights;

use crate::{Token, TokenKind};
use ::model::Span;
use features::{
    hint_features, label_features, static_features, token_infos, DocContext, Hints, TokenInfo,
};
pub use labels::EntityKind;
use labels::{spans, Label, Part, N_LABELS};
use std::collections::HashMap;
use std::sync::OnceLock;
pub use weights::{Model, ModelError, Weights, WordEntry, WordTable};

/// One entity mention: a byte span of the cleaned text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityKind,
}

pub struct Tagger {
    model: Model,
}

/// The model trained by `eval train-ner` and committed with the source.
static BUILTIN: &[u8] = include_bytes!("../../model/ner.bin.gz");

/// The label-independent features of every token of a sentence, computed once for both passes.
pub(crate) struct Statics {
    keys: Vec<u64>,
    ends: Vec<usize>,
}

impl Statics {
    pub(crate) fn new(infos: &[TokenInfo]) -> Statics {
        let mut keys = Vec::with_capacity(infos.len() * 48);
        let mut ends = Vec::with_capacity(infos.len());
        for i in 0..infos.len() {
            static_features(infos, i, &mut keys);
            ends.push(keys.len());
        }
        Statics { keys, ends }
    }

    fn of(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.keys[start..self.ends[i]]
    }
}

/// Greedy left-to-right decoding of one sentence.
pub(crate) fn decode(weights: &Weights, infos: &[TokenInfo], statics: &Statics) -> Vec<Label> {
    let mut feats = Vec::with_capacity(96);
    let mut scores = [0f32; N_LABELS];
    let (mut prev, mut prev2) = (Label::O, Label::O);
    let mut labels = Vec::with_capacity(infos.len());
    for i in 0..infos.len() {
        feats.clear();
        feats.extend_from_slice(statics.of(i));
        hint_features(infos, i, &mut feats);
        label_features(infos, i, prev, prev2, &mut feats);
        weights.scores(&feats, &mut scores);
        let l = repair(&mut labels, best_label(&scores));
        labels.push(l);
        (prev2, prev) = (prev, l);
    }
    // A name still open at the end of the sentence ends at its last word.
    repair(&mut labels, Label::O);
    labels
}

/// Keeps BILOU labels well formed when the best label for a word does not fit the one before:
/// an open name is closed at the previous word (B→U, I→L), and a continuation that has
/// nothing to continue starts a name instead (I→B, L→U). Returns the label to use.
pub(crate) fn repair(labels: &mut [Label], best: Label) -> Label {
    let prev = labels.last().copied().unwrap_or(Label::O);
    if best.may_follow(prev) {
        return best;
    }
    let open = matches!(prev.part(), Some(Part::B | Part::I));
    if open && !(matches!(best.part(), Some(Part::I | Part::L)) && best.kind() == prev.kind()) {
        let kind = prev.kind().expect("an open name has a kind");
        let closed = Label::new(
            kind,
            if prev.part() == Some(Part::B) {
                Part::U
            } else {
                Part::L
            },
        );
        if let Some(last) = labels.last_mut() {
            *last = closed;
        }
    }
    match (best.kind(), best.part()) {
        (Some(k), Some(Part::I)) => Label::new(k, Part::B),
        (Some(k), Some(Part::L)) => Label::new(k, Part::U),
        _ => best,
    }
}

/// Both passes and the document-level agreement, for a model held by reference.
pub(crate) fn tag_with(m: &Model, sentences: &[Vec<&str>]) -> Vec<Vec<Label>> {
    let ctx = DocContext::new(sentences);
    let mut infos: Vec<Vec<TokenInfo>> = sentences
        .iter()
        .map(|words| token_infos(words, &ctx, &m.table, &m.gazetteer, None))
        .collect();
    let statics: Vec<Statics> = infos.iter().map(|i| Statics::new(i)).collect();
    let mut out: Vec<Vec<Label>> = infos
        .iter()
        .zip(&statics)
        .map(|(i, s)| decode(&m.first, i, s))
        .collect();
    if let Some(second) = &m.second {
        let hints = Hints::new(sentences, &out);
        for ((words, labels), infos) in sentences.iter().zip(&out).zip(&mut infos) {
            hints.apply(words, labels, infos);
        }
        out = infos
            .iter()
            .zip(&statics)
            .map(|(i, s)| decode(second, i, s))
            .collect();
    }
    make_consistent(sentences, &mut out);
    short_names_of_organisations(sentences, &mut out);
    surnames_follow_full_names(sentences, &mut out);
    first_names_open_people(sentences, &m.gazetteer, &mut out);
    out
}

/// "Georgia Smith" read as a place and a person: a one-word name right before a one-word person,
/// or one that usually opens people's names before any person, is that person's first name.
fn first_names_open_people(
    sentences: &[Vec<&str>],
    gazetteer: &gazetteer::Gazetteer,
    labels: &mut [Vec<Label>],
) {
    for (words, l) in sentences.iter().zip(labels.iter_mut()) {
        for i in 0..words.len().saturating_sub(1) {
            let single = l[i].part() == Some(Part::U) && l[i].kind() != Some(EntityKind::Person);
            let person_next = l[i + 1].kind() == Some(EntityKind::Person)
                && matches!(l[i + 1].part(), Some(Part::B | Part::U));
            let capitalised = words[i].chars().next().is_some_and(char::is_uppercase)
                && words[i].chars().skip(1).all(char::is_lowercase);
            // "Georgia Smith": a place right before a one-word person is a first name too.
            let surname_only = l[i + 1].part() == Some(Part::U);
            if single
                && person_next
                && capitalised
                && (surname_only || gazetteer.is_first_name(&words[i].to_lowercase(), None))
            {
                l[i] = Label::new(EntityKind::Person, Part::B);
                l[i + 1] = Label::new(
                    EntityKind::Person,
                    if l[i + 1].part() == Some(Part::U) {
                        Part::L
                    } else {
                        Part::I
                    },
                );
            }
        }
    }
}

/// The highest-scoring label.
pub(crate) fn best_label(scores: &[f32; N_LABELS]) -> Label {
    let mut best = Label::O;
    let mut best_score = f32::NEG_INFINITY;
    for (i, &s) in scores.iter().enumerate() {
        if s > best_score {
            best = Label(i as u8);
            best_score = s;
        }
    }
    best
}

impl Tagger {
    /// The committed model, loaded once.
    pub fn builtin() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            // The committed model is checked by the tests; failing to read it is a build error.
            Tagger::from_bytes(BUILTIN).expect("the committed entity model loads")
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Model::from_bytes(bytes).map(Tagger::from_model)
    }

    pub fn from_model(model: Model) -> Tagger {
        Tagger { model }
    }

    pub fn into_model(self) -> Model {
        self.model
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Labels for every word of a document given as sentences of words.
    pub fn tag_doc(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Label>> {
        tag_with(&self.model, sentences)
    }

    /// Entity mentions over `text`, given its tokens and sentence spans.
    pub fn entities(&self, text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Entity> {
        let groups: Vec<&[Token]> = sentences
            .iter()
            .map(|&s| &tokens[crate::tokens_within(tokens, s)])
            .collect();
        let words: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.iter().map(|t| t.text(text)).collect())
            .collect();
        let labels = self.tag_doc(&words);
        let mut out = Vec::new();
        for (g, l) in groups.iter().zip(&labels) {
            for (mut s, mut e, kind) in spans(l) {
                // A name starts and ends with a word: brackets and quotes at its edges are not
                // part of it ("(Donald) Trump" is not a name starting with a bracket).
                let wordy = |t: &Token| matches!(t.kind, TokenKind::Word | TokenKind::Number);
                while s < e && !wordy(&g[s]) {
                    s += 1;
                }
                while e > s && !wordy(&g[e - 1]) {
                    e -= 1;
                }
                if s < e {
                    out.push(Entity {
                        span: Span::new(g[s].span.start(), g[e - 1].span.end()),
                        kind,
                    });
                }
            }
        }
        split_joined_surnames(text, tokens, &mut out);
        out
    }
}

/// "a Trump-Putin call": a hyphenated word made of the surnames of people the text names in
/// full is those people, each with a span of its own inside the word.
fn split_joined_surnames(text: &str, tokens: &[Token], entities: &mut Vec<Entity>) {
    let surnames: Vec<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| {
            let name = &text[e.span.range()];
            name.contains(' ')
                .then(|| name.rsplit(' ').next())
                .flatten()
        })
        .collect();
    if surnames.len() < 2 {
        return;
    }
    let mut added = Vec::new();
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let word = t.text(text);
        let parts: Vec<&str> = word.split('-').collect();
        if parts.len() < 2 || !parts.iter().all(|p| surnames.contains(p)) {
            continue;
        }
        entities.retain(|e| !(e.span.start() <= t.span.start() && t.span.end() <= e.span.end()));
        let mut at = t.span.start();
        for p in parts {
            added.push(Entity {
                span: Span::new(at, at + p.len()),
                kind: EntityKind::Person,
            });
            at += p.len() + 1;
        }
    }
    if !added.is_empty() {
        entities.extend(added);
        entities.sort_by_key(|e| (e.span.start(), e.span.end()));
    }
}

/// A person named in full ("Vladimir Putin") is the same person when only the surname comes
/// back ("Putin"): capitalised uses of the surname alone become that person, whatever the
/// tagger said about them on their own.
fn surnames_follow_full_names(sentences: &[Vec<&str>], labels: &mut [Vec<Label>]) {
    let mut surnames: Vec<&str> = Vec::new();
    for (words, l) in sentences.iter().zip(labels.iter()) {
        for (s, e, k) in spans(l) {
            let last = words[e - 1];
            if k == EntityKind::Person
                && e - s >= 2
                && last.chars().next().is_some_and(char::is_uppercase)
                && last.chars().count() > 1
            {
                surnames.push(last);
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    for (words, l) in sentences.iter().zip(labels.iter_mut()) {
        // "Zelensky and Putin" read as one organisation: people joined by lower-case words.
        for (s, e, k) in spans(l) {
            let joined = words[s..e]
                .iter()
                .any(|w| w.chars().all(char::is_lowercase));
            if k != EntityKind::Person
                && e - s >= 3
                && joined
                && words[s..e].iter().any(|w| surnames.contains(w))
            {
                for i in s..e {
                    l[i] = if surnames.contains(&words[i]) {
                        Label::new(EntityKind::Person, Part::U)
                    } else {
                        Label::O
                    };
                }
            }
        }
        for i in 0..words.len() {
            let single = matches!(l[i].part(), None | Some(Part::U));
            let person = Label::new(EntityKind::Person, Part::U);
            // "WITKOFF AND RUSSIA" in a capitalised headline is the surname too.
            let shouted = words[i].chars().count() > 2
                && words[i].chars().all(|c| c.is_uppercase())
                && surnames.iter().any(|s| s.to_uppercase() == words[i]);
            if single && l[i] != person && (surnames.contains(&words[i]) || shouted) {
                // Not the first word of a longer name that continues after it.
                let next_capitalised = words
                    .get(i + 1)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
                if !next_capitalised || l[i].part() == Some(Part::U) {
                    l[i] = person;
                }
            }
        }
    }
}

/// "Bloomberg News reported ... Bloomberg said": a word that opens an organisation's longer
/// name elsewhere in the document is that organisation when it stands alone and the tagger
/// took it for a person (a person named in full keeps the surname: see the next step).
fn short_names_of_organisations(sentences: &[Vec<&str>], labels: &mut [Vec<Label>]) {
    let mut heads: Vec<&str> = Vec::new();
    for (words, l) in sentences.iter().zip(labels.iter()) {
        for (s, e, k) in spans(l) {
            let first = words[s];
            if k == EntityKind::Organization
                && e - s >= 2
                && first.chars().next().is_some_and(char::is_uppercase)
                && first.chars().skip(1).any(char::is_lowercase)
                && !crate::is_function_word(&first.to_lowercase())
            {
                heads.push(first);
            }
        }
    }
    if heads.is_empty() {
        return;
    }
    let person = Label::new(EntityKind::Person, Part::U);
    for (words, l) in sentences.iter().zip(labels.iter_mut()) {
        for i in 0..words.len() {
            if l[i] == person && heads.contains(&words[i]) {
                l[i] = Label::new(EntityKind::Organization, Part::U);
            }
        }
    }
}

/// One document, one reading: a name that the tagger gives different kinds in different
/// sentences takes the kind it was given most often.
fn make_consistent(sentences: &[Vec<&str>], labels: &mut [Vec<Label>]) {
    let mut votes: HashMap<String, [usize; 4]> = HashMap::new();
    for (words, l) in sentences.iter().zip(labels.iter()) {
        for (s, e, k) in spans(l) {
            votes.entry(words[s..e].join(" ")).or_default()[k as usize] += 1;
        }
    }
    for (words, l) in sentences.iter().zip(labels.iter_mut()) {
        for (s, e, k) in spans(l) {
            let kind = EntityKind::majority(votes[&words[s..e].join(" ")], k);
            if kind != k {
                let fresh = labels::from_spans(e - s, &[(0, e - s, kind)]);
                l[s..e].copy_from_slice(&fresh);
            }
        }
    }
}
