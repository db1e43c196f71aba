//! Incremental story clustering: each article joins the most similar existing story (cosine
//! of its term vector with the story's centroid, damped by the days between them) or starts a
//! new one. Stories are found through an inverted index of their heaviest terms, so cost
//! grows with the stories an article shares words with, not with the pile.

use crate::terms::{count, DocFreq};
use std::collections::HashMap;

/// Terms of each article that index its story (and that look stories up).
const INDEX_TERMS: usize = 16;

/// Stories whose similarity is computed in full, of those that share heavy terms.
const SCORED_STORIES: usize = 12;

/// Stories looked at per index term, the most recent first.
const RECENT_STORIES: usize = 16;

/// Similarity an article needs to join a story. Measured on ECB+ and NewsWCL50 (`eval cluster`).
pub const DEFAULT_THRESHOLD: f32 = 0.26;

/// The same when articles carry sentence embeddings: the score is then `blend`ed.
pub const DEFAULT_THRESHOLD_EMBEDDED: f32 = 0.51;

/// Days over which the similarity of two dated articles halves.
const HALF_LIFE_DAYS: f32 = 7.0;

#[derive(Debug, Clone, Default)]
struct Story {
    centroid: HashMap<u64, f32>,
    norm: f32,
    members: Vec<usize>,
    /// Mean publication day of the dated members.
    day: Option<f32>,
    dated: u32,
    /// Sum of the members' sentence embeddings (empty when none had one).
    embedding: Vec<f32>,
}

/// One article to cluster: its title, text, publication day (days since any fixed epoch) and,
/// when a model made one, its unit-length sentence embedding.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub title: Option<&'a str>,
    pub text: &'a str,
    pub day: Option<i32>,
    pub embedding: Option<&'a [f32]>,
}

/// The clustering state; add articles in any number of batches.
#[derive(Debug, Clone)]
pub struct Clusterer {
    pub threshold: f32,
    df: DocFreq,
    stories: Vec<Story>,
    index: HashMap<u64, Vec<u32>>,
    articles: usize,
}

impl Default for Clusterer {
    fn default() -> Self {
        Clusterer::new(DEFAULT_THRESHOLD)
    }
}

impl Clusterer {
    pub fn new(threshold: f32) -> Clusterer {
        Clusterer {
            threshold,
            df: DocFreq::default(),
            stories: Vec::new(),
            index: HashMap::new(),
            articles: 0,
        }
    }

    /// Adds one article and returns the story it joined (or started). Earlier assignments never
    /// change.
    pub fn add(&mut self, item: Item) -> usize {
        let counts = count(item.title, item.text);
        self.df.add(&counts);
        let v = self.df.vector(&counts);
        let mut heaviest = v.terms.clone();
        heaviest.sort_by(|a, b| b.1.total_cmp(&a.1));
        heaviest.truncate(INDEX_TERMS);
        // Only the latest stories of each term are looked at: a story that has not used a
        // word for a long time is unlikely to be the one a new article continues, and this
        // keeps the cost per article flat as the pile grows.
        let mut candidates: Vec<u32> = heaviest
            .iter()
            .filter_map(|(t, _)| self.index.get(t))
            .flat_map(|p| &p[p.len().saturating_sub(RECENT_STORIES)..])
            .copied()
            .collect();
        // Score fully only the stories that share the most heavy terms with the article.
        candidates.sort_unstable();
        let mut shared: Vec<(u32, u32)> = Vec::new();
        for s in candidates {
            match shared.last_mut() {
                Some((last, n)) if *last == s => *n += 1,
                _ => shared.push((s, 1)),
            }
        }
        shared.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        shared.truncate(SCORED_STORIES);
        let candidates: Vec<u32> = shared.into_iter().map(|(s, _)| s).collect();
        let mut best: Option<(f32, usize)> = None;
        for &s in &candidates {
            let story = &self.stories[s as usize];
            let dot: f32 = v
                .terms
                .iter()
                .filter_map(|(t, w)| story.centroid.get(t).map(|c| c * w))
                .sum();
            let mut sim = dot / story.norm.max(f32::EPSILON);
            if let Some(e) = item.embedding.filter(|e| e.len() == story.embedding.len()) {
                let norm = story.embedding.iter().map(|x| x * x).sum::<f32>().sqrt();
                let dot: f32 = e.iter().zip(&story.embedding).map(|(a, b)| a * b).sum();
                sim = blend(sim, Some(dot / norm.max(f32::EPSILON)));
            }
            if let (Some(d), Some(day)) = (item.day, story.day) {
                let gap = (d as f32 - day).abs();
                sim *= 0.5f32.powf(gap / HALF_LIFE_DAYS);
            }
            if best.is_none_or(|(b, _)| sim > b) {
                best = Some((sim, s as usize));
            }
        }
        let id = self.articles;
        let s = match best {
            Some((sim, s)) if sim >= self.threshold => s,
            _ => {
                self.stories.push(Story::default());
                self.stories.len() - 1
            }
        };
        let story = &mut self.stories[s];
        // The squared norm is kept up to date term by term: (c + w)² = c² + 2cw + w².
        let mut sq = story.norm * story.norm;
        for (t, w) in &v.terms {
            let c = story.centroid.entry(*t).or_insert(0.0);
            sq += 2.0 * *c * w + w * w;
            *c += w;
        }
        story.norm = sq.max(0.0).sqrt();
        story.members.push(id);
        if let Some(e) = item.embedding {
            if story.embedding.is_empty() {
                story.embedding = e.to_vec();
            } else if story.embedding.len() == e.len() {
                story.embedding.iter_mut().zip(e).for_each(|(s, x)| *s += x);
            }
        }
        if let Some(d) = item.day {
            let n = story.dated as f32;
            story.day = Some(
                story
                    .day
                    .map_or(d as f32, |m| (m * n + d as f32) / (n + 1.0)),
            );
            story.dated += 1;
        }
        for (t, _) in &heaviest {
            let postings = self.index.entry(*t).or_default();
            if postings.last() != Some(&(s as u32)) {
                // The story moves to the end: the list is ordered by last use.
                let tail = postings.len().saturating_sub(RECENT_STORIES);
                if let Some(at) = postings[tail..].iter().position(|&x| x == s as u32) {
                    postings.remove(tail + at);
                }
                postings.push(s as u32);
            }
        }
        self.articles += 1;
        s
    }

    /// The members of every story, in order of creation.
    pub fn stories(&self) -> Vec<Vec<usize>> {
        self.stories.iter().map(|s| s.members.clone()).collect()
    }

    /// Approximate bytes the index holds: story centroids and members, term postings and
    /// document frequencies (hash tables counted at their capacity).
    pub fn index_bytes(&self) -> usize {
        let centroids: usize = self
            .stories
            .iter()
            .map(|s| {
                s.centroid.capacity() * 13 + s.members.capacity() * 8 + s.embedding.len() * 4 + 120
            })
            .sum();
        let postings: usize = self.index.values().map(|p| p.capacity() * 4 + 24).sum();
        let index = self.index.capacity() * 33;
        centroids + postings + index + self.df.df.capacity() * 13
    }
}

/// What a sentence-embedding model reads of an article: its title and its text, of which the
/// model takes the first tokens (the lead, which says what the story is).
pub fn embedding_text(title: Option<&str>, text: &str) -> String {
    match title {
        Some(t) if !t.trim().is_empty() && !text.starts_with(t.trim()) => {
            format!("{}\n{text}", t.trim())
        }
        _ => text.to_string(),
    }
}

/// Share of the sentence embeddings' cosine in a blended similarity. Chosen with the threshold
/// on ECB+ and NewsWCL50 (`eval cluster --model DIR --sweep`); on SemEval-2022's English pairs
/// it gives Pearson 0.859 against 0.852 for the embeddings alone and 0.777 for the terms.
const EMBEDDING_SHARE: f32 = 0.6;

/// The same-story score from the term similarity and, when both articles have a sentence
/// embedding, its cosine: a weighted mean of the two.
pub fn blend(terms: f32, embedding: Option<f32>) -> f32 {
    match embedding {
        Some(e) => (1.0 - EMBEDDING_SHARE) * terms + EMBEDDING_SHARE * e.max(0.0),
        None => terms,
    }
}

/// How likely two articles report the same story, from 0 to 1: the square root of the cosine
/// of their full term vectors (document frequencies from `df`). The root spreads the low
/// cosines of articles that share a topic but not a story, and follows human judgements of
/// similarity linearly (measured with `eval pairs`).
pub fn similarity(df: &DocFreq, a: (Option<&str>, &str), b: (Option<&str>, &str)) -> f32 {
    let va = df.vector_of(&count(a.0, a.1), usize::MAX);
    let vb = df.vector_of(&count(b.0, b.1), usize::MAX);
    va.dot(&vb).max(0.0).sqrt()
}
