//! `eval word-classes`: word classes for the entity tagger, from static word vectors
//! (potion-base-8M, a model2vec model: a WordPiece vocabulary and one vector per piece) and the
//! usual casing of each word in unlabelled text.
//!
//! A word's vector is the mean of its pieces' vectors, as model2vec computes it. Words are
//! clustered by k-means into 1024 classes, whose centroids are clustered again into 256 and 64,
//! so the three granularities nest like Brown-cluster prefixes.

use anyhow::{bail, Context, Result};
use nlp::ner::{WordEntry, WordTable};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

struct Vectors {
    dim: usize,
    data: Vec<f32>,
    pieces: HashMap<String, usize>,
}

fn read_vectors(dir: &Path) -> Result<Vectors> {
    let st = dir.join("model.safetensors");
    let bytes = std::fs::read(&st).with_context(|| format!("reading {}", st.display()))?;
    let n = u64::from_le_bytes(
        bytes
            .get(..8)
            .context("short safetensors file")?
            .try_into()?,
    ) as usize;
    let header: serde_json::Value =
        serde_json::from_slice(bytes.get(8..8 + n).context("short header")?)
            .with_context(|| format!("{}: header", st.display()))?;
    let (_, t) = header
        .as_object()
        .and_then(|o| o.iter().find(|(k, _)| *k != "__metadata__"))
        .context("no tensor in the safetensors file")?;
    if t["dtype"] != "F32" {
        bail!(
            "{}: expected F32 vectors, found {}",
            st.display(),
            t["dtype"]
        );
    }
    let shape: Vec<usize> = serde_json::from_value(t["shape"].clone())?;
    let [rows, dim] = shape[..] else {
        bail!("{}: expected a matrix, found shape {shape:?}", st.display());
    };
    let [a, b]: [usize; 2] = serde_json::from_value(t["data_offsets"].clone())?;
    let raw = bytes
        .get(8 + n + a..8 + n + b)
        .context("tensor data out of range")?;
    let data: Vec<f32> = raw
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    if data.len() != rows * dim {
        bail!("{}: tensor size does not match its shape", st.display());
    }
    let vocab = dir.join("vocab.txt");
    let pieces: HashMap<String, usize> = std::fs::read_to_string(&vocab)
        .with_context(|| format!("reading {}", vocab.display()))?
        .lines()
        .enumerate()
        .filter(|&(i, _)| i < rows)
        .map(|(i, p)| (p.to_string(), i))
        .collect();
    Ok(Vectors { dim, data, pieces })
}

impl Vectors {
    /// Greedy longest-match WordPiece, as BERT's tokenizer splits a word.
    fn pieces_of(&self, word: &str) -> Option<Vec<usize>> {
        let chars: Vec<char> = word.chars().collect();
        let mut out = Vec::new();
        let mut start = 0;
        while start < chars.len() {
            let mut end = chars.len();
            let mut found = None;
            while end > start {
                let mut piece: String = chars[start..end].iter().collect();
                if start > 0 {
                    piece.insert_str(0, "##");
                }
                if let Some(&i) = self.pieces.get(&piece) {
                    found = Some(i);
                    break;
                }
                end -= 1;
            }
            out.push(found?);
            start = end;
        }
        Some(out)
    }

    fn embed(&self, word: &str) -> Option<Vec<f32>> {
        let pieces = self.pieces_of(word)?;
        let mut v = vec![0f32; self.dim];
        for p in &pieces {
            for (a, b) in v
                .iter_mut()
                .zip(&self.data[p * self.dim..(p + 1) * self.dim])
            {
                *a += b;
            }
        }
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        (norm > 0.0).then(|| v.iter().map(|x| x / norm).collect())
    }
}

/// Per lower-cased word: how often it was seen, and how often it was written in lower case,
/// capitalised, or in capitals where case is informative (not the first word of a sentence, not
/// in an all-capitals line).
#[derive(Default)]
struct Counts {
    seen: HashMap<String, [u32; 4]>,
    /// Every sentence as lower-cased word ids, for the context vectors.
    ids: HashMap<String, u32>,
    sentences: Vec<Vec<u32>>,
}

impl Counts {
    fn add_sentence(&mut self, words: &[&str]) {
        let ids: Vec<u32> = words
            .iter()
            .map(|w| {
                let next = self.ids.len() as u32;
                *self.ids.entry(w.to_lowercase()).or_insert(next)
            })
            .collect();
        self.sentences.push(ids);
        let caps = words
            .iter()
            .filter(|w| w.chars().any(char::is_lowercase))
            .count()
            == 0;
        for (i, w) in words.iter().enumerate() {
            if !w.chars().any(char::is_alphabetic) {
                continue;
            }
            let e = self.seen.entry(w.to_lowercase()).or_default();
            e[0] += 1;
            if i == 0 || caps {
                continue;
            }
            if w.chars().all(|c| !c.is_lowercase()) && w.chars().count() > 1 {
                e[3] += 1;
            } else if w.chars().next().is_some_and(char::is_uppercase) {
                e[2] += 1;
            } else {
                e[1] += 1;
            }
        }
    }

    fn add_text(&mut self, text: &str) {
        let tokens = nlp::tokenize(text);
        for s in nlp::sentences(text, &tokens) {
            let words: Vec<&str> = tokens
                .iter()
                .filter(|t| s.contains(t.span))
                .map(|t| t.text(text))
                .collect();
            self.add_sentence(&words);
        }
    }

    /// Reads one file of unlabelled text: CoNLL columns, plain text, HTML pages (main text
    /// extracted), TimeML (tags dropped) or JSON (every long string in it).
    fn add_file(&mut self, path: &Path) -> Result<()> {
        let mut bytes =
            std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        if name.ends_with(".gz") {
            let mut out = Vec::new();
            std::io::Read::read_to_end(
                &mut flate2::read::MultiGzDecoder::new(&bytes[..]),
                &mut out,
            )
            .with_context(|| format!("{}: bad gzip", path.display()))?;
            bytes = out;
        }
        if name.contains(".htm") {
            let page = extract::extract(&extract::decode(&bytes));
            self.add_text(&page.text);
            return Ok(());
        }
        let text = String::from_utf8_lossy(&bytes);
        if name.ends_with(".tml") {
            let tags = regex::Regex::new(r"<[^>]*>")?;
            self.add_text(&tags.replace_all(&text, " "));
            return Ok(());
        }
        if name.ends_with(".json") || name.ends_with(".jsonl") {
            let mut long = Vec::new();
            for line in text.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    long_strings(&v, &mut long);
                }
            }
            if long.is_empty() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
                    long_strings(&v, &mut long);
                }
            }
            for t in long {
                self.add_text(&t);
            }
            return Ok(());
        }
        if let Ok(docs) = nlp::ner::conll::parse(&text) {
            if !docs.is_empty() {
                for d in docs {
                    for s in d.sentences {
                        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                        self.add_sentence(&words);
                    }
                }
                return Ok(());
            }
        }
        self.add_text(&text);
        Ok(())
    }
}

/// Strings of article length (200 bytes or more) anywhere in a JSON value.
fn long_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) if s.len() >= 200 => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| long_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| long_strings(x, out)),
        _ => {}
    }
}

/// Text files of the kinds `Counts::add_file` reads; licences and READMEs left out.
fn is_text_file(name: &str) -> bool {
    let upper = name.to_uppercase();
    let kinds = [
        ".txt", ".tml", ".json", ".jsonl", ".html", ".htm", ".html.gz", ".htm.gz",
    ];
    kinds.iter().any(|e| name.ends_with(e))
        && !["SOURCE", "README", "LICENSE"]
            .iter()
            .any(|p| upper.starts_with(p))
}

/// A distributional vector per word: positive pointwise mutual information with the frequent
/// words just before and after it, projected to `DIM` dimensions by a fixed random projection.
/// Words used in the same slots (names after "Mr", places after "in") get close vectors.
fn context_vectors(counts: &Counts, words: &[String]) -> HashMap<String, Vec<f32>> {
    const CONTEXTS: usize = 1000;
    const DIM: usize = 256;
    let mut freq = vec![0u64; counts.ids.len()];
    for s in &counts.sentences {
        for &w in s {
            freq[w as usize] += 1;
        }
    }
    let mut by_freq: Vec<u32> = (0..freq.len() as u32).collect();
    by_freq.sort_by_key(|&w| (std::cmp::Reverse(freq[w as usize]), w));
    // Context slot of each word id: its frequency rank when among the most frequent, else "rare".
    let mut slot = vec![CONTEXTS as u32; freq.len()];
    for (rank, &w) in by_freq.iter().take(CONTEXTS).enumerate() {
        slot[w as usize] = rank as u32;
    }
    let wanted: HashMap<u32, usize> = words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| counts.ids.get(w).map(|&id| (id, i)))
        .collect();
    // Slots: 0..=CONTEXTS for the word before (CONTEXTS: rare or sentence start), then after.
    let width = 2 * (CONTEXTS + 1);
    let mut pairs: Vec<HashMap<u32, f32>> = vec![HashMap::new(); words.len()];
    let mut ctx_total = vec![0f64; width];
    let mut total = 0f64;
    for s in &counts.sentences {
        for (i, &w) in s.iter().enumerate() {
            let before = if i == 0 {
                CONTEXTS as u32
            } else {
                slot[s[i - 1] as usize]
            };
            let after =
                s.get(i + 1).map_or(CONTEXTS as u32, |&n| slot[n as usize]) + CONTEXTS as u32 + 1;
            for c in [before, after] {
                ctx_total[c as usize] += 1.0;
                total += 1.0;
                if let Some(&k) = wanted.get(&w) {
                    *pairs[k].entry(c).or_default() += 1.0;
                }
            }
        }
    }
    // A fixed random projection: each context slot gets a ±1 vector from a seeded generator.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let projection: Vec<f32> = (0..width * DIM)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            if state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 63 == 0 {
                1.0
            } else {
                -1.0
            }
        })
        .collect();
    let mut out = HashMap::new();
    for (k, w) in words.iter().enumerate() {
        let n_w: f32 = pairs[k].values().sum();
        if n_w == 0.0 {
            continue;
        }
        let mut v = vec![0f32; DIM];
        for (&c, &n) in &pairs[k] {
            let pmi = ((n as f64 * total) / (n_w as f64 * ctx_total[c as usize])).ln();
            if pmi > 0.0 {
                let row = &projection[c as usize * DIM..(c as usize + 1) * DIM];
                for (a, r) in v.iter_mut().zip(row) {
                    *a += pmi as f32 * r;
                }
            }
        }
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            out.insert(w.clone(), v.iter().map(|x| x / norm).collect());
        }
    }
    out
}

/// Plain k-means with a fixed, spread-out start (every n/k-th point): deterministic.
fn kmeans(
    points: &[Vec<f32>],
    weights: &[f32],
    k: usize,
    iterations: usize,
) -> (Vec<usize>, Vec<Vec<f32>>) {
    let dim = points[0].len();
    let k = k.min(points.len());
    let mut centroids: Vec<Vec<f32>> = (0..k)
        .map(|i| points[i * points.len() / k].clone())
        .collect();
    let mut assign = vec![0usize; points.len()];
    for _ in 0..iterations {
        let mut changed = 0;
        for (p, a) in points.iter().zip(assign.iter_mut()) {
            let best = centroids
                .iter()
                .enumerate()
                .map(|(c, v)| (c, v.iter().zip(p).map(|(x, y)| x * y).sum::<f32>()))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map_or(0, |b| b.0);
            if best != *a {
                changed += 1;
                *a = best;
            }
        }
        let mut sums = vec![vec![0f32; dim]; k];
        for ((p, &a), &w) in points.iter().zip(&assign).zip(weights) {
            for (s, x) in sums[a].iter_mut().zip(p) {
                *s += w * x;
            }
        }
        for (c, s) in centroids.iter_mut().zip(sums) {
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                *c = s.iter().map(|x| x / norm).collect();
            }
        }
        if changed == 0 {
            break;
        }
    }
    (assign, centroids)
}

pub fn run(vectors: &Path, texts: &[PathBuf], out: &Path) -> Result<()> {
    let v = read_vectors(vectors)?;
    let mut files = Vec::new();
    for t in texts {
        files.extend(crate::files::files_where(t, is_text_file)?);
    }
    let mut counts = Counts::default();
    for f in &files {
        counts.add_file(f)?;
    }
    let mut words: Vec<(String, [u32; 4])> = counts
        .seen
        .iter()
        .map(|(w, c)| (w.clone(), *c))
        .filter(|(w, c)| {
            // Words seen once get unreliable contexts (measured: CoNLL test F1 drops).
            c[0] >= 2 && w.chars().count() <= 40
        })
        .collect();
    words.sort();
    let names: Vec<String> = words.iter().map(|(w, _)| w.clone()).collect();
    let contexts = context_vectors(&counts, &names);
    // The static vectors count half as much as the contexts (measured on CoNLL: the vectors'
    // classes alone group by topic, not by kind of name, and barely help).
    let weight = 0.5f32;
    let mut kept = Vec::new();
    let mut points = Vec::new();
    for (w, c) in words {
        // Where a word occurs (its contexts) and what it means (the static vectors), together.
        let (Some(e), Some(ctx)) = (v.embed(&w), contexts.get(&w)) else {
            continue;
        };
        let mut p: Vec<f32> = ctx
            .iter()
            .copied()
            .chain(e.iter().map(|x| x * weight))
            .collect();
        let norm = p.iter().map(|x| x * x).sum::<f32>().sqrt();
        p.iter_mut().for_each(|x| *x /= norm);
        kept.push((w, c));
        points.push(p);
    }
    say!(
        "{} files, {} words with two or more occurrences and a vector",
        files.len(),
        kept.len()
    );
    let ones = vec![1f32; points.len()];
    let (fine, centroids) = kmeans(&points, &ones, 1024, 15);
    let mut sizes = vec![0f32; centroids.len()];
    for &a in &fine {
        sizes[a] += 1.0;
    }
    let (mid_of, mid_centroids) = kmeans(&centroids, &sizes, 256, 30);
    let mut mid_sizes = vec![0f32; mid_centroids.len()];
    for (c, &m) in mid_of.iter().enumerate() {
        mid_sizes[m] += sizes[c];
    }
    let (coarse_of, _) = kmeans(&mid_centroids, &mid_sizes, 64, 30);
    let mut table = String::from("# word\tclass1024\tclass256\tclass64\tcase (0 lower, 1 capitalised, 2 capitals, 3 mixed, 4 unseen)\n");
    for ((w, c), &f) in kept.iter().zip(&fine) {
        let case = usual_case(c);
        table.push_str(&format!(
            "{w}\t{f}\t{}\t{}\t{case}\n",
            mid_of[f], coarse_of[mid_of[f]]
        ));
    }
    std::fs::write(out, table).with_context(|| format!("writing {}", out.display()))?;
    say!("wrote {}", out.display());
    Ok(())
}

/// 0 lower case, 1 capitalised, 2 capitals (each at least nine times in ten), 3 mixed, 4 unseen
/// where case is informative.
fn usual_case(c: &[u32; 4]) -> u32 {
    let n = c[1] + c[2] + c[3];
    if n == 0 {
        return 4;
    }
    (1..4)
        .find(|&i| c[i] * 10 >= n * 9)
        .map_or(3, |i| i as u32 - 1)
}

pub fn read_table(path: &Path) -> Result<WordTable> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut words = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = || {
            anyhow::anyhow!(
                "{}: line {}: expected word and four numbers",
                path.display(),
                n + 1
            )
        };
        let [w, a, b, c, case] = cols[..] else {
            return Err(bad());
        };
        let num = |s: &str| s.parse::<u16>().map_err(|_| bad());
        words.insert(
            w.to_string(),
            WordEntry {
                clusters: [num(a)?, num(b)?, num(c)?],
                case: num(case)? as u8,
            },
        );
    }
    Ok(WordTable::new(words))
}
