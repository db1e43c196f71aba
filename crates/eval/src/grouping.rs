//! `eval cluster`, `eval pairs`, `eval duplicates`, `eval scale`: story clustering against
//! ECB+ topics and sub-topics and NewsWCL50 events (B-cubed), our similarity against
//! SemEval-2022 Task 8 judgements (Pearson), copy detection on the BBC corpus's byte-identical
//! articles, and clustering cost as the pile grows.

use crate::files::files_where;
use crate::{round1, round4};
use anyhow::{bail, Context, Result};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

struct Doc {
    name: String,
    title: Option<String>,
    text: String,
    /// Gold labels, one per level (ECB+: topic and sub-topic; NewsWCL50: event).
    gold: Vec<String>,
}

fn fnv(s: &str) -> u64 {
    stories::terms::hash(s, 0)
}

/// ECB+ (`docs/<topic><ecb|ecbplus>/<doc>.json`) or NewsWCL50 (`NewsWCL50.conll`).
fn read(dir: &Path) -> Result<(Vec<Doc>, Vec<&'static str>)> {
    let conll = dir.join("NewsWCL50.conll");
    if conll.is_file() {
        let raw = std::fs::read_to_string(&conll)
            .with_context(|| format!("reading {}", conll.display()))?;
        let mut docs: Vec<Doc> = Vec::new();
        for line in raw.lines() {
            if let Some(rest) = line.strip_prefix("#begin document ") {
                let id = rest.split(';').next().unwrap_or(rest).trim().to_string();
                let event = id.split('/').next().unwrap_or("").to_string();
                docs.push(Doc {
                    name: id,
                    title: None,
                    text: String::new(),
                    gold: vec![event],
                });
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if let (Some(d), Some(tok)) = (docs.last_mut(), cols.get(3)) {
                // Tokens joined by spaces, except before closing punctuation.
                let closing = matches!(*tok, "," | "." | ":" | ";" | "'s" | ")" | "?" | "!");
                if !d.text.is_empty() && (cols.get(2) == Some(&"0") || !closing) {
                    d.text.push(' ');
                }
                d.text.push_str(tok);
            }
        }
        return Ok((docs, vec!["event"]));
    }
    let files = files_where(&dir.join("docs"), |n| n.ends_with(".json"))?;
    if files.is_empty() {
        bail!(
            "{} has neither NewsWCL50.conll nor docs/*/*.json (ECB+)",
            dir.display()
        );
    }
    let mut docs = Vec::new();
    for f in files {
        let sub = f
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !sub.ends_with("ecb") && !sub.ends_with("ecbplus") {
            continue;
        }
        let topic: String = sub.chars().take_while(char::is_ascii_digit).collect();
        let v: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?,
        )
        .with_context(|| format!("parsing {}", f.display()))?;
        docs.push(Doc {
            name: f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            title: v["title"].as_str().map(str::to_string),
            text: v["text"].as_str().unwrap_or("").to_string(),
            gold: vec![topic, sub],
        });
    }
    Ok((docs, vec!["topic", "sub-topic"]))
}

/// B-cubed precision, recall and F1 of `pred` against `gold` labels (one per item).
fn bcubed(pred: &[usize], gold: &[&str]) -> (f64, f64, f64) {
    let n = pred.len();
    let mut pair_counts: HashMap<(usize, &str), usize> = HashMap::new();
    let mut pred_sizes: HashMap<usize, usize> = HashMap::new();
    let mut gold_sizes: HashMap<&str, usize> = HashMap::new();
    for i in 0..n {
        *pair_counts.entry((pred[i], gold[i])).or_default() += 1;
        *pred_sizes.entry(pred[i]).or_default() += 1;
        *gold_sizes.entry(gold[i]).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let both = pair_counts[&(pred[i], gold[i])] as f64;
        p += both / pred_sizes[&pred[i]] as f64;
        r += both / gold_sizes[gold[i]] as f64;
    }
    let (p, r) = (p / n.max(1) as f64, r / n.max(1) as f64);
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

/// The story of each article, clustering them in `order` as one batch or one at a time.
fn cluster_all(
    docs: &[Doc],
    order: &[usize],
    threshold: f32,
    embeddings: Option<&[Vec<f32>]>,
    stream: bool,
) -> Vec<usize> {
    let mut c = stories::Clusterer::new(threshold);
    let items: Vec<stories::Item> = order
        .iter()
        .map(|&i| stories::Item {
            title: docs[i].title.as_deref(),
            text: &docs[i].text,
            day: None,
            embedding: embeddings.map(|e| e[i].as_slice()),
        })
        .collect();
    let stories: Vec<usize> = if stream {
        items.iter().map(|&item| c.add(item)).collect()
    } else {
        c.add_batch(&items)
    };
    let mut assigned = vec![0; docs.len()];
    for (&i, s) in order.iter().zip(stories) {
        assigned[i] = s;
    }
    assigned
}

pub fn cluster(
    dir: &Path,
    threshold: Option<f32>,
    repeats: usize,
    model: Option<&Path>,
    sweep: bool,
    stream: bool,
    dump: Option<&Path>,
) -> Result<()> {
    let (docs, levels) = read(dir)?;
    let mut embed_secs = 0.0;
    let embeddings = match model {
        Some(m) => {
            let model = load_model(m)?;
            let t = Instant::now();
            let e: Vec<Vec<f32>> = docs
                .iter()
                .map(|d| model.embed(&stories::embedding_text(d.title.as_deref(), &d.text)))
                .collect();
            embed_secs = t.elapsed().as_secs_f64();
            Some(e)
        }
        None => None,
    };
    let threshold = threshold.unwrap_or(if embeddings.is_some() {
        stories::DEFAULT_THRESHOLD_EMBEDDED
    } else {
        stories::DEFAULT_THRESHOLD
    });
    // A fixed order that mixes the topics, as a stream of news would.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| fnv(&docs[i].name));
    say!(
        "{} articles from {}, threshold {threshold}, {}",
        docs.len(),
        dir.display(),
        if stream {
            "one at a time"
        } else {
            "as one batch"
        }
    );
    if sweep {
        // How B-cubed F1 moves with the threshold, to choose it and to see how sharp the peak is.
        for step in 10..=70 {
            let th = step as f32 / 100.0;
            let assigned = cluster_all(&docs, &order, th, embeddings.as_deref(), stream);
            let scores: Vec<String> = levels
                .iter()
                .enumerate()
                .map(|(k, level)| {
                    let gold: Vec<&str> = docs.iter().map(|d| d.gold[k].as_str()).collect();
                    format!("{level} {:.3}", bcubed(&assigned, &gold).2)
                })
                .collect();
            say!("threshold {th:.2}: B-cubed F1 {}", scores.join(", "));
        }
    }
    let mut best = f64::INFINITY;
    let mut assigned = Vec::new();
    for _ in 0..repeats {
        let t = Instant::now();
        assigned = cluster_all(&docs, &order, threshold, embeddings.as_deref(), stream);
        best = best.min(t.elapsed().as_secs_f64());
    }
    if let Some(path) = dump {
        // One line per article: its name, gold labels and the story it was put in.
        let lines: Vec<String> = docs
            .iter()
            .zip(&assigned)
            .map(|(d, s)| format!("{}\t{}\t{s}", d.name, d.gold.join("\t")))
            .collect();
        std::fs::write(path, lines.join("\n") + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let n_stories = assigned.iter().max().map_or(0, |m| m + 1);
    let mut json = serde_json::json!({"task": "cluster", "dataset": dir.file_name().map(|n| n.to_string_lossy().into_owned()),
        "threshold": threshold, "stories": n_stories, "stream": stream});
    for (k, level) in levels.iter().enumerate() {
        let gold: Vec<&str> = docs.iter().map(|d| d.gold[k].as_str()).collect();
        let mut classes = gold.clone();
        classes.sort_unstable();
        classes.dedup();
        let (p, r, f) = bcubed(&assigned, &gold);
        say!(
            "{level:>9}: {} gold clusters, {n_stories} ours; B-cubed P {p:.3} R {r:.3} F1 {f:.3}",
            classes.len()
        );
        json[format!("{level}_bcubed_f1").replace('-', "_")] = serde_json::json!(round4(f));
        json[format!("{level}_bcubed_p").replace('-', "_")] = serde_json::json!(round4(p));
        json[format!("{level}_bcubed_r").replace('-', "_")] = serde_json::json!(round4(r));
    }
    let per_s = docs.len() as f64 / best;
    say!("{per_s:.0} articles/s (terms + clustering, one core)");
    json["articles_per_s"] = serde_json::json!(per_s.round());
    if embeddings.is_some() {
        let e = docs.len() as f64 / embed_secs;
        say!("{e:.1} articles/s embedded (one core), before clustering");
        json["articles_per_s_embedded"] = serde_json::json!(round1(e));
    }
    say!("{json}");
    Ok(())
}

/// The sentence-embedding model of `--model`.
fn load_model(dir: &Path) -> Result<embed::Model> {
    embed::Model::load(dir)
        .with_context(|| format!("loading the embedding model from {}", dir.display()))
}

/// Pearson correlation of two equally long series.
fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    sxy / (sxx * syy).sqrt().max(f64::EPSILON)
}

pub fn pairs(file: &Path, model: Option<&Path>) -> Result<()> {
    let raw =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let mut rows = Vec::new();
    for (n, line) in raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{} line {}", file.display(), n + 1))?;
        let (Some(a), Some(b), Some(g)) = (
            v["text1"].as_str(),
            v["text2"].as_str(),
            v["overall"].as_f64(),
        ) else {
            bail!(
                "{} line {}: needs text1, text2 and overall",
                file.display(),
                n + 1
            );
        };
        rows.push((a.to_string(), b.to_string(), g));
    }
    // Document frequencies over every text of the file, as a batch would have them.
    let t = Instant::now();
    let mut df = stories::terms::DocFreq::default();
    for (a, b, _) in &rows {
        df.add(&stories::terms::count(None, a));
        df.add(&stories::terms::count(None, b));
    }
    let ours: Vec<f64> = rows
        .iter()
        .map(|(a, b, _)| f64::from(stories::similarity(&df, (None, a), (None, b))))
        .collect();
    let secs = t.elapsed().as_secs_f64();
    // Gold runs from 1 (same story) to 4 (different): similarity should fall as it rises.
    let gold: Vec<f64> = rows.iter().map(|r| 5.0 - r.2).collect();
    let lexical = pearson(&ours, &gold);
    say!("{} pairs from {}", rows.len(), file.display());
    say!("Pearson r between our similarity and the gold judgement (reversed so that higher = more alike)");
    say!(
        "  terms only: {lexical:.3} ({:.0} pairs/s)",
        rows.len() as f64 / secs
    );
    let mut json =
        serde_json::json!({"task": "pairs", "pairs": rows.len(), "pearson_terms": round4(lexical)});
    let mut r = lexical;
    if let Some(dir) = model {
        let model = load_model(dir)?;
        let t = Instant::now();
        let vectors: Vec<(Vec<f32>, Vec<f32>)> = rows
            .iter()
            .map(|(a, b, _)| (model.embed(a), model.embed(b)))
            .collect();
        let esecs = t.elapsed().as_secs_f64();
        let alone: Vec<f64> = vectors
            .iter()
            .map(|(a, b)| f64::from(embed::cosine(a, b)))
            .collect();
        let both: Vec<f64> = ours
            .iter()
            .zip(&vectors)
            .map(|(&lex, (a, b))| f64::from(stories::blend(lex as f32, Some(embed::cosine(a, b)))))
            .collect();
        let re = pearson(&alone, &gold);
        r = pearson(&both, &gold);
        say!(
            "  embeddings only: {re:.3} ({:.1} texts/s embedded)",
            2.0 * rows.len() as f64 / esecs
        );
        say!("  terms and embeddings (stories::blend): {r:.3}");
        json["pearson_embeddings"] = round4(re).into();
        json["texts_per_s_embedded"] = round1(2.0 * rows.len() as f64 / esecs).into();
    }
    json["pearson"] = round4(r).into();
    say!("{json}");
    Ok(())
}

/// Copy detection on a corpus with byte-identical articles: every identical group must end up
/// in one story with a copy relation between its members.
pub fn duplicates(dir: &Path, dump: Option<&Path>) -> Result<()> {
    let files = files_where(dir, |n| {
        n.ends_with(".txt") && !n.eq_ignore_ascii_case("README.TXT") && n != "SOURCE.txt"
    })?;
    let mut texts = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
        texts.push(String::from_utf8_lossy(&bytes).trim().to_string());
    }
    // The gold groups: identical texts after trimming whitespace at the ends.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in texts.iter().enumerate() {
        by_text.entry(t.as_str()).or_default().push(i);
    }
    let gold: Vec<Vec<usize>> = by_text.into_values().filter(|g| g.len() > 1).collect();
    let t = Instant::now();
    let docs: Vec<(Vec<nlp::Token>, Vec<model::Span>)> = texts
        .iter()
        .map(|t| {
            let tokens = nlp::tokenize(t);
            let sentences = nlp::sentences(t, &tokens);
            (tokens, sentences)
        })
        .collect();
    // One batch, as `corroborate analyze` clusters the articles it is given.
    let mut c = stories::Clusterer::default();
    let items: Vec<stories::Item> = texts
        .iter()
        .map(|t| {
            let (title, body) = t.split_once('\n').unwrap_or((t, ""));
            stories::Item {
                title: Some(title),
                text: body,
                day: None,
                embedding: None,
            }
        })
        .collect();
    let assigned = c.add_batch(&items);
    let mut copies: Vec<(usize, usize)> = Vec::new();
    let mut lines = Vec::new();
    for members in c.stories().into_iter().filter(|m| m.len() > 1) {
        let views: Vec<stories::copies::View> = members
            .iter()
            .map(|&i| stories::copies::View {
                text: &texts[i],
                sentences: &docs[i].1,
                credits: &[],
            })
            .collect();
        for r in stories::copies::relations(&views) {
            if r.kind == stories::RelationKind::Copy {
                let (a, b) = (members[r.a], members[r.b]);
                copies.push((a.min(b), a.max(b)));
                if texts[a] != texts[b] {
                    let first = r.passages.first().map_or("", |p| &texts[a][p.a.range()]);
                    lines.push(format!(
                        "{}\t{}\t{} passages\t{first:?}",
                        files[a].display(),
                        files[b].display(),
                        r.passages.len()
                    ));
                }
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    if let Some(path) = dump {
        std::fs::write(path, lines.join("\n"))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let linked = |a: usize, b: usize| copies.contains(&(a.min(b), a.max(b)));
    let found = gold
        .iter()
        .filter(|g| {
            g.iter().all(|&a| {
                g.iter()
                    .all(|&b| a == b || (assigned[a] == assigned[b] && linked(a, b)))
            })
        })
        .count();
    let exact_pairs: usize = gold.iter().map(|g| g.len() * (g.len() - 1) / 2).sum();
    say!(
        "{} articles from {}; {} groups of identical articles ({exact_pairs} pairs)",
        texts.len(),
        dir.display(),
        gold.len()
    );
    say!("identical groups found whole, with a copy relation between every two members: {found} of {}", gold.len());
    say!(
        "copy relations claimed: {} ({} beyond the identical pairs: near copies)",
        copies.len(),
        copies.len().saturating_sub(exact_pairs)
    );
    say!(
        "{:.0} articles/s (tokens, sentences, clustering, copy detection)",
        texts.len() as f64 / secs
    );
    say!(
        "{}",
        serde_json::json!({"task": "duplicates", "groups": gold.len(), "groups_found": found,
        "copy_relations": copies.len(), "articles_per_s": (texts.len() as f64 / secs).round()})
    );
    Ok(())
}

/// A perturbed copy of `text`: one sentence dropped and two words swapped, chosen by `seed`.
fn perturb(text: &str, seed: u64) -> String {
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    let drop = (seed as usize) % sentences.len().max(1);
    let kept: String = sentences
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != drop || sentences.len() < 3)
        .map(|(_, s)| *s)
        .collect();
    let mut words: Vec<&str> = kept.split(' ').collect();
    if words.len() > 4 {
        let i = (seed as usize / 7) % (words.len() - 1);
        words.swap(i, i + 1);
    }
    words.join(" ")
}

/// Clusters `n` articles made from the corpus by perturbation and reports the cost at each
/// tenfold step: each step as one batch of that size (what `corroborate analyze` does with the
/// articles it is given), or with `stream` one article at a time into one growing index. With a
/// model, each source article is embedded once and each copy gets its source's embedding with a
/// little noise (the encoder's cost per article is measured by `eval cluster --model`).
pub fn scale(dir: &Path, n: usize, stream: bool, model: Option<&Path>) -> Result<()> {
    let files = files_where(dir, |f| {
        f.ends_with(".txt") && !f.eq_ignore_ascii_case("README.TXT") && f != "SOURCE.txt"
    })?;
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read(f).map(|b| String::from_utf8_lossy(&b).into_owned()))
        .collect::<std::io::Result<_>>()
        .context("reading the corpus")?;
    if texts.is_empty() {
        bail!("no .txt files under {}", dir.display());
    }
    say!(
        "{} source articles from {}; clustering {n} perturbed copies {}",
        texts.len(),
        dir.display(),
        if stream {
            "one at a time"
        } else {
            "in batches of 1,000, 10,000, ..."
        }
    );
    let article = |i: usize| {
        let seed = fnv(&i.to_string());
        perturb(&texts[(seed as usize) % texts.len()], seed)
    };
    let sources: Option<Vec<Vec<f32>>> = match model {
        Some(m) => {
            let model = load_model(m)?;
            let t = Instant::now();
            let e = texts
                .iter()
                .map(|t| {
                    let (title, body) = t.split_once('\n').unwrap_or(("", t));
                    model.embed(&stories::embedding_text(Some(title), body))
                })
                .collect();
            say!(
                "{} source articles embedded in {:.0} s",
                texts.len(),
                t.elapsed().as_secs_f64()
            );
            Some(e)
        }
        None => None,
    };
    let embedding = |i: usize| -> Option<Vec<f32>> {
        let seed = fnv(&i.to_string());
        let source = &sources.as_ref()?[(seed as usize) % texts.len()];
        let mut state = seed | 1;
        let mut e: Vec<f32> = source
            .iter()
            .map(|x| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                x + 0.02 * ((state % 2001) as f32 / 1000.0 - 1.0)
            })
            .collect();
        let norm = e
            .iter()
            .map(|x| x * x)
            .sum::<f32>()
            .sqrt()
            .max(f32::EPSILON);
        e.iter_mut().for_each(|x| *x /= norm);
        Some(e)
    };
    let threshold = if sources.is_some() {
        stories::DEFAULT_THRESHOLD_EMBEDDED
    } else {
        stories::DEFAULT_THRESHOLD
    };
    let mut rows = Vec::new();
    let mut report = |articles: usize, rate: f64, secs: f64, c: &stories::Clusterer| {
        let bytes = c.index_bytes() as f64 / articles as f64;
        say!("{articles:>7} articles: {rate:>7.0} articles/s, {secs:.1} s, {bytes:.0} bytes of index per article, {} stories",
            c.stories().len());
        rows.push(serde_json::json!({"articles": articles, "articles_per_s": rate.round(), "bytes_per_article": bytes.round()}));
    };
    let mut step = 1000;
    if stream {
        let mut c = stories::Clusterer::new(threshold);
        let t = Instant::now();
        let mut last = (0usize, 0.0f64);
        for i in 0..n {
            let text = article(i);
            let e = embedding(i);
            c.add(scale_item(i, &text, e.as_deref()));
            if i + 1 == step || i + 1 == n {
                let secs = t.elapsed().as_secs_f64();
                report(i + 1, (i + 1 - last.0) as f64 / (secs - last.1), secs, &c);
                last = (i + 1, secs);
                step *= 10;
            }
        }
    } else {
        loop {
            let size = step.min(n);
            let batch: Vec<String> = (0..size).map(article).collect();
            let embeddings: Vec<Option<Vec<f32>>> = (0..size).map(embedding).collect();
            let mut c = stories::Clusterer::new(threshold);
            let t = Instant::now();
            let items: Vec<stories::Item> = batch
                .iter()
                .zip(&embeddings)
                .enumerate()
                .map(|(i, (t, e))| scale_item(i, t, e.as_deref()))
                .collect();
            c.add_batch(&items);
            let secs = t.elapsed().as_secs_f64();
            report(size, size as f64 / secs, secs, &c);
            if size == n {
                break;
            }
            step *= 10;
        }
    }
    say!(
        "{}",
        serde_json::json!({"task": "scale", "stream": stream, "embeddings": sources.is_some(), "steps": rows})
    );
    Ok(())
}

/// The `i`th article of the scale run: its first line is the title.
fn scale_item<'a>(i: usize, text: &'a str, embedding: Option<&'a [f32]>) -> stories::Item<'a> {
    let (title, body) = text.split_once('\n').unwrap_or(("", text));
    stories::Item {
        title: Some(title),
        text: body,
        day: Some((i / 500) as i32),
        embedding,
    }
}
