//! Training the tagger: averaged perceptrons over greedy left-to-right decoding, the epoch that
//! scores best on the development set kept. The second pass learns from first-pass labels of
//! the training documents made by models that did not see those documents (five folds).

use super::conll::{score, Doc, Score};
use super::features::{
    hint_features, label_features, static_features, token_infos, DocContext, Hints, TokenInfo,
};
use super::gazetteer::{names_in, Gazetteer};
use super::labels::{Label, N_LABELS};
use super::weights::{KeyMap, Model, Weights, WordTable};
use super::{best_label, decode, repair, tag_with, Statics, Tagger};

pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Folds for the second pass's training labels; 0 trains the first pass only.
    pub folds: usize,
    /// Place names for the gazetteer's place list (empty: none).
    pub places: Vec<String>,
}

/// A small deterministic generator for shuffling (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[derive(Default)]
struct Perceptron {
    index: KeyMap<u32>,
    w: Vec<f32>,
    total: Vec<f32>,
    stamp: Vec<u32>,
    t: u32,
}

impl Perceptron {
    fn row(&mut self, key: u64) -> usize {
        let next = self.index.len() as u32;
        let row = *self.index.entry(key).or_insert(next) as usize;
        if row == next as usize {
            self.w.extend([0.0; N_LABELS]);
            self.total.extend([0.0; N_LABELS]);
            self.stamp.extend([0; N_LABELS]);
        }
        row
    }

    fn scores(&self, features: &[u64]) -> [f32; N_LABELS] {
        let mut out = [0f32; N_LABELS];
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let r = row as usize * N_LABELS;
                for (o, w) in out.iter_mut().zip(&self.w[r..r + N_LABELS]) {
                    *o += w;
                }
            }
        }
        out
    }

    fn update(&mut self, features: &[u64], truth: Label, guess: Label) {
        for &f in features {
            let row = self.row(f) * N_LABELS;
            for (label, delta) in [(truth, 1.0), (guess, -1.0)] {
                let i = row + usize::from(label.0);
                self.total[i] += (self.t - self.stamp[i]) as f32 * self.w[i];
                self.stamp[i] = self.t;
                self.w[i] += delta;
            }
        }
    }

    /// The averaged weights, leaving out features whose weights all stay near zero.
    fn averaged(&self) -> Weights {
        let t = self.t.max(1) as f32;
        let mut index = KeyMap::default();
        let mut weights = Vec::new();
        for (&key, &row) in &self.index {
            let r = row as usize * N_LABELS;
            let avg: Vec<f32> = (r..r + N_LABELS)
                .map(|i| (self.total[i] + (self.t - self.stamp[i]) as f32 * self.w[i]) / t)
                .collect();
            if avg.iter().all(|w| w.abs() < 1e-3) {
                continue;
            }
            index.insert(key, (weights.len() / N_LABELS) as u32);
            weights.extend(avg);
        }
        Weights::from_rows(&index, &weights)
    }
}

/// The label decoding would use after `prev` (see [`repair`]), without rewriting `prev`.
fn repair_alone(prev: Label, best: Label) -> Label {
    let mut history = [prev];
    repair(&mut history, best)
}

fn words_of(doc: &Doc) -> Vec<Vec<&str>> {
    doc.sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect()
}

/// Token facts of a training document, with the document's own names left out of the list and,
/// for the second pass, hints from held-out first-pass labels.
fn doc_infos(
    doc: &Doc,
    table: &WordTable,
    gazetteer: &Gazetteer,
    first: Option<&[Vec<Label>]>,
) -> Vec<Vec<TokenInfo>> {
    let words = words_of(doc);
    let ctx = DocContext::new(&words);
    let own = names_in(doc);
    let mut infos: Vec<Vec<TokenInfo>> = words
        .iter()
        .map(|w| token_infos(w, &ctx, table, gazetteer, Some(&own)))
        .collect();
    if let Some(first) = first {
        let hints = Hints::new(&words, first);
        for ((w, l), i) in words.iter().zip(first).zip(&mut infos) {
            hints.apply(w, l, i);
        }
    }
    infos
}

/// Trains one pass for `epochs` and keeps the epoch whose weights `judge` scores best.
fn fit(
    docs: &[(&Doc, Vec<Vec<TokenInfo>>)],
    options: &TrainOptions,
    mut judge: impl FnMut(usize, Weights) -> f64,
) -> Weights {
    let mut p = Perceptron::default();
    let mut rng = Rng(options.seed.max(1));
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut best: Option<(f64, Weights)> = None;
    let mut feats = Vec::new();
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let (doc, infos) = &docs[d];
            for (sent, infos) in doc.sentences.iter().zip(infos) {
                let (mut prev, mut prev2) = (Label::O, Label::O);
                for (i, &truth) in sent.labels.iter().enumerate() {
                    feats.clear();
                    static_features(infos, i, &mut feats);
                    hint_features(infos, i, &mut feats);
                    label_features(infos, i, prev, prev2, &mut feats);
                    let guess = best_label(&p.scores(&feats));
                    p.t += 1;
                    if guess != truth {
                        p.update(&feats, truth, guess);
                    }
                    // The history the features see is the repaired one, as in decoding.
                    let guess = if guess.may_follow(prev) {
                        guess
                    } else {
                        repair_alone(prev, guess)
                    };
                    (prev2, prev) = (prev, guess);
                }
            }
        }
        let f = judge(epoch, p.averaged());
        if best.as_ref().is_none_or(|(b, _)| f > *b) {
            // Averaging again is cheaper than keeping every epoch's copy.
            best = Some((f, p.averaged()));
        }
    }
    best.map(|(_, w)| w).unwrap_or_else(|| p.averaged())
}

/// Trains on `train`, scores every epoch on `dev`, and returns the best model with its
/// development score. `progress` hears each pass, epoch and score.
pub fn train(
    train: &[Doc],
    dev: &[Doc],
    table: WordTable,
    options: &TrainOptions,
    mut progress: impl FnMut(&str, usize, &Score),
) -> (Model, Score) {
    let gazetteer = Gazetteer::from_docs(train).with_places(options.places.iter().cloned());
    let firsts: Vec<(&Doc, Vec<Vec<TokenInfo>>)> = train
        .iter()
        .map(|d| (d, doc_infos(d, &table, &gazetteer, None)))
        .collect();
    let mut model = Model {
        first: Weights::default(),
        second: None,
        table,
        gazetteer,
    };
    let first = fit(&firsts, options, |epoch, w| {
        model.first = w;
        let s = evaluate_model(&model, dev);
        progress("first pass", epoch, &s);
        s.f1()
    });
    model.first = first;
    if options.folds >= 2 {
        // First-pass labels for each training document from a model that never saw it.
        let mut held_out: Vec<Vec<Vec<Label>>> = vec![Vec::new(); train.len()];
        for fold in 0..options.folds {
            let rest: Vec<Doc> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % options.folds != fold)
                .map(|(_, d)| d.clone())
                .collect();
            let folded = Gazetteer::from_docs(&rest).with_places(options.places.iter().cloned());
            let part: Vec<(&Doc, Vec<Vec<TokenInfo>>)> = rest
                .iter()
                .map(|d| (d, doc_infos(d, &model.table, &folded, None)))
                .collect();
            // Without a held-out judge, the last epoch is kept.
            let w = fit(&part, options, |e, _| e as f64);
            for (i, doc) in train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % options.folds == fold)
            {
                let words = words_of(doc);
                let ctx = DocContext::new(&words);
                held_out[i] = words
                    .iter()
                    .map(|s| {
                        let infos = token_infos(s, &ctx, &model.table, &folded, None);
                        decode(&w, &infos, &Statics::new(&infos))
                    })
                    .collect();
            }
            progress(
                &format!("fold {}/{}", fold + 1, options.folds),
                options.epochs,
                &Score::default(),
            );
        }
        let seconds: Vec<(&Doc, Vec<Vec<TokenInfo>>)> = train
            .iter()
            .zip(&held_out)
            .map(|(d, h)| (d, doc_infos(d, &model.table, &model.gazetteer, Some(h))))
            .collect();
        let second = fit(&seconds, options, |epoch, w| {
            model.second = Some(w);
            let s = evaluate_model(&model, dev);
            progress("second pass", epoch, &s);
            s.f1()
        });
        model.second = Some(second);
    }
    let tagger = Tagger::from_model(model);
    let s = evaluate(&tagger, dev);
    (tagger.into_model(), s)
}

fn evaluate_model(model: &Model, docs: &[Doc]) -> Score {
    let mut total = Score::default();
    for doc in docs {
        let words = words_of(doc);
        for (sent, pred) in doc.sentences.iter().zip(tag_with(model, &words)) {
            total.add(&score(&sent.labels, &pred));
        }
    }
    total
}

/// Tags every document and scores the result against its gold labels.
pub fn evaluate(tagger: &Tagger, docs: &[Doc]) -> Score {
    evaluate_model(tagger.model(), docs)
}
