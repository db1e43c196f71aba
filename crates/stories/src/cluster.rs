//! Story clustering. Articles given together are grouped by group-average agglomeration: the
//! two groups whose articles are most alike on average merge first, for as long as that mean
//! similarity (term cosine, blended with sentence embeddings when given, damped by the days
//! between them) reaches the threshold. Articles given later join the existing stories the same
//! way or start new ones; earlier stories never split or merge. Candidates come from inverted
//! indexes of each article's heaviest terms, so cost grows with the articles and stories an
//! article shares words with, not with the pile.

use crate::terms::{count, dot_sorted, DocFreq, TermVector, TOP_TERMS};
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

/// Terms of each article that index it (and that look candidates up).
const INDEX_TERMS: usize = 16;

/// Candidates scored per article, of those that share heavy terms with it: this many earlier
/// articles of the same batch and this many existing stories.
const SCORED: usize = 12;

/// Entries looked at per index term, the most recent first.
const RECENT: usize = 16;

/// Mean similarity two groups need to merge. Chosen on ECB+ and NewsWCL50 (`eval cluster
/// --sweep`).
pub const DEFAULT_THRESHOLD: f32 = 0.20;

/// The same when articles carry sentence embeddings: the score is then `blend`ed.
pub const DEFAULT_THRESHOLD_EMBEDDED: f32 = 0.45;

/// Share of the threshold that an article left alone in a batch needs to join a group of that
/// batch. Chosen on ECB+ and NewsWCL50 (0.5 to 0.7 give the same on ECB+).
const STRAGGLER_SHARE: f32 = 0.5;

/// Days over which the similarity of two dated articles halves.
const HALF_LIFE_DAYS: f32 = 7.0;

#[derive(Debug, Clone, Default)]
struct Story {
    /// Sum of the members' term vectors.
    centroid: HashMap<u64, f32>,
    members: Vec<usize>,
    /// Mean publication day of the dated members.
    day: Option<f32>,
    dated: u32,
    /// Sum of the members' sentence embeddings, and how many members had one.
    embedding: Vec<f32>,
    embedded: u32,
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

/// A group while a batch is agglomerated: some of the batch's articles, with or without an
/// existing story.
#[derive(Debug, Default)]
struct Group {
    /// Sum of the members' term vectors, sorted by term.
    sum: Vec<(u64, f32)>,
    size: f32,
    day_sum: f64,
    dated: u32,
    embedding: Vec<f32>,
    embedded: u32,
    story: Option<usize>,
    items: Vec<usize>,
    neighbours: BTreeSet<usize>,
    version: u32,
    alive: bool,
}

/// A candidate merge: its score as ordered bits (scores are never negative), the two groups
/// (lower ids first on equal scores) and their versions when it was scored.
type Candidate = (u32, Reverse<usize>, Reverse<usize>, u32, u32);

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
        self.add_batch(&[item])[0]
    }

    /// Adds articles that arrive together and returns the story of each. They are grouped
    /// together with the existing stories, closest pairs first; existing stories keep their
    /// members and never merge with each other.
    pub fn add_batch(&mut self, items: &[Item]) -> Vec<usize> {
        // The batch's own words count in the weights before any of it is compared. The counts
        // wait in compact form.
        let counts: Vec<Vec<(u64, f32)>> = items
            .iter()
            .map(|i| {
                let c = count(i.title, i.text);
                self.df.add(&c);
                c.counts.into_iter().collect()
            })
            .collect();
        let vectors: Vec<TermVector> = counts
            .into_iter()
            .map(|c| self.df.weigh(c.into_iter(), TOP_TERMS))
            .collect();
        let heaviest: Vec<Vec<u64>> = vectors.iter().map(heaviest_terms).collect();
        let mut groups: Vec<Group> = items
            .iter()
            .zip(&vectors)
            .enumerate()
            .map(|(i, (item, v))| Group {
                sum: v.terms.clone(),
                size: 1.0,
                day_sum: item.day.map_or(0.0, f64::from),
                dated: u32::from(item.day.is_some()),
                embedding: item.embedding.map(<[f32]>::to_vec).unwrap_or_default(),
                embedded: u32::from(item.embedding.is_some()),
                items: vec![i],
                alive: true,
                ..Group::default()
            })
            .collect();
        let mut story_group: HashMap<usize, usize> = HashMap::new();
        let mut batch_index: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, terms) in heaviest.iter().enumerate() {
            let items_near = top_shared(terms.iter().filter_map(|t| batch_index.get(t)));
            let stories_near = top_shared(terms.iter().filter_map(|t| self.index.get(t)));
            for j in items_near {
                link(&mut groups, i, j as usize);
            }
            for s in stories_near {
                let g = *story_group.entry(s as usize).or_insert_with(|| {
                    groups.push(self.story_group(s as usize));
                    groups.len() - 1
                });
                link(&mut groups, i, g);
            }
            for t in terms {
                batch_index.entry(*t).or_default().push(i as u32);
            }
        }
        self.agglomerate(&mut groups);
        // Existing stories keep their ids; new ones are numbered in order of their first article.
        let mut story_of = vec![usize::MAX; items.len()];
        let mut fresh: Vec<&Group> = Vec::new();
        for g in groups.iter().filter(|g| g.alive && !g.items.is_empty()) {
            match g.story {
                Some(s) => g.items.iter().for_each(|&i| story_of[i] = s),
                None => fresh.push(g),
            }
        }
        fresh.sort_by_key(|g| g.items.iter().min().copied());
        for g in fresh {
            let s = self.stories.len();
            self.stories.push(Story::default());
            g.items.iter().for_each(|&i| story_of[i] = s);
        }
        for (i, item) in items.iter().enumerate() {
            self.join(story_of[i], item, &vectors[i], &heaviest[i]);
        }
        story_of
    }

    /// An existing story as a group of the batch.
    fn story_group(&self, s: usize) -> Group {
        let story = &self.stories[s];
        let mut sum: Vec<(u64, f32)> = story.centroid.iter().map(|(&t, &w)| (t, w)).collect();
        sum.sort_unstable_by_key(|t| t.0);
        Group {
            sum,
            size: story.members.len() as f32,
            day_sum: story
                .day
                .map_or(0.0, |d| f64::from(d) * f64::from(story.dated)),
            dated: story.dated,
            embedding: story.embedding.clone(),
            embedded: story.embedded,
            story: Some(s),
            alive: true,
            ..Group::default()
        }
    }

    /// Merges the closest pair of groups while their score reaches the threshold.
    fn agglomerate(&self, groups: &mut [Group]) {
        let mut heap: BinaryHeap<Candidate> = BinaryHeap::new();
        for a in 0..groups.len() {
            for &b in groups[a].neighbours.range(a + 1..) {
                self.consider(groups, a, b, &mut heap);
            }
        }
        while let Some((_, Reverse(a), Reverse(b), va, vb)) = heap.pop() {
            if !groups[a].alive || !groups[b].alive {
                continue;
            }
            if groups[a].version != va || groups[b].version != vb {
                continue;
            }
            let taken = std::mem::take(&mut groups[b]);
            for &n in &taken.neighbours {
                groups[n].neighbours.remove(&b);
                if n != a {
                    groups[n].neighbours.insert(a);
                }
            }
            let g = &mut groups[a];
            g.sum = add_sorted(&g.sum, &taken.sum);
            g.size += taken.size;
            g.day_sum += taken.day_sum;
            g.dated += taken.dated;
            add_embedding(
                &mut g.embedding,
                &mut g.embedded,
                &taken.embedding,
                taken.embedded,
            );
            g.story = g.story.or(taken.story);
            g.items.extend(taken.items);
            g.neighbours
                .extend(taken.neighbours.into_iter().filter(|&n| n != a));
            g.neighbours.remove(&b);
            g.version += 1;
            let neighbours: Vec<usize> = g.neighbours.iter().copied().collect();
            for n in neighbours {
                self.consider(groups, a.min(n), a.max(n), &mut heap);
            }
        }
        // An article left alone joins the group of the batch it is most alike when that group
        // holds two or more of the batch's articles and the mean similarity reaches a share of
        // the threshold: the group average weighs one differently worded report against a tight
        // group, and among articles given together that is likelier than a story of its own.
        let moves: Vec<(usize, usize)> = (0..groups.len())
            .filter_map(|a| {
                let g = &groups[a];
                if !g.alive || g.story.is_some() || g.items.len() != 1 {
                    return None;
                }
                g.neighbours
                    .iter()
                    .filter(|&&n| groups[n].alive && groups[n].items.len() >= 2)
                    .map(|&n| (score(g, &groups[n]), n))
                    .filter(|(s, _)| *s >= self.threshold * STRAGGLER_SHARE)
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
                    .map(|(_, n)| (a, n))
            })
            .collect();
        for (a, n) in moves {
            let item = groups[a].items[0];
            groups[a].alive = false;
            groups[n].items.push(item);
        }
    }

    /// Queues the merge of groups `a` and `b` when it is allowed and scores enough.
    fn consider(&self, groups: &[Group], a: usize, b: usize, heap: &mut BinaryHeap<Candidate>) {
        let (ga, gb) = (&groups[a], &groups[b]);
        if ga.story.is_some() && gb.story.is_some() {
            return;
        }
        let score = score(ga, gb);
        if score >= self.threshold {
            heap.push((
                score.max(0.0).to_bits(),
                Reverse(a),
                Reverse(b),
                ga.version,
                gb.version,
            ));
        }
    }

    /// Puts one article of a batch into story `s`.
    fn join(&mut self, s: usize, item: &Item, v: &TermVector, heaviest: &[u64]) {
        let id = self.articles;
        let story = &mut self.stories[s];
        for (t, w) in &v.terms {
            *story.centroid.entry(*t).or_insert(0.0) += w;
        }
        story.members.push(id);
        if let Some(e) = item.embedding {
            add_embedding(&mut story.embedding, &mut story.embedded, e, 1);
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
        for t in heaviest {
            let postings = self.index.entry(*t).or_default();
            if postings.last() != Some(&(s as u32)) {
                // The story moves to the end: the list is ordered by last use.
                let tail = postings.len().saturating_sub(RECENT);
                if let Some(at) = postings[tail..].iter().position(|&x| x == s as u32) {
                    postings.remove(tail + at);
                }
                postings.push(s as u32);
            }
        }
        self.articles += 1;
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

/// The `INDEX_TERMS` heaviest terms of a vector.
fn heaviest_terms(v: &TermVector) -> Vec<u64> {
    let mut terms = v.terms.clone();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    terms.truncate(INDEX_TERMS);
    terms.into_iter().map(|t| t.0).collect()
}

/// Of the latest `RECENT` entries of each posting list, the `SCORED` that appear in the most
/// lists (the later first on equal counts). Looking only at recent entries keeps the cost per
/// article flat as the pile grows: a story that has not used a word for a long time is unlikely
/// to be the one a new article continues.
fn top_shared<'a>(postings: impl Iterator<Item = &'a Vec<u32>>) -> Vec<u32> {
    let mut all: Vec<u32> = postings
        .flat_map(|p| &p[p.len().saturating_sub(RECENT)..])
        .copied()
        .collect();
    all.sort_unstable();
    let mut shared: Vec<(u32, u32)> = Vec::new();
    for x in all {
        match shared.last_mut() {
            Some((last, n)) if *last == x => *n += 1,
            _ => shared.push((x, 1)),
        }
    }
    shared.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    shared.truncate(SCORED);
    shared.into_iter().map(|(x, _)| x).collect()
}

fn link(groups: &mut [Group], a: usize, b: usize) {
    if a != b {
        groups[a].neighbours.insert(b);
        groups[b].neighbours.insert(a);
    }
}

/// The mean similarity of the articles of two groups: term cosines (and embedding cosines,
/// when both have them) averaged over all pairs, damped by the days between their mean dates.
fn score(a: &Group, b: &Group) -> f32 {
    let pairs = a.size * b.size;
    let mut sim = dot_sorted(&a.sum, &b.sum) / pairs.max(1.0);
    if a.embedded > 0 && b.embedded > 0 && a.embedding.len() == b.embedding.len() {
        let dot: f32 = a
            .embedding
            .iter()
            .zip(&b.embedding)
            .map(|(x, y)| x * y)
            .sum();
        sim = blend(sim, Some(dot / (a.embedded * b.embedded) as f32));
    }
    if a.dated > 0 && b.dated > 0 {
        let gap = (a.day_sum / f64::from(a.dated) - b.day_sum / f64::from(b.dated)).abs() as f32;
        sim *= 0.5f32.powf(gap / HALF_LIFE_DAYS);
    }
    sim
}

/// Adds `n` embeddings summed in `other` to the `count` summed in `sum` (an embedding of
/// another length is left out).
fn add_embedding(sum: &mut Vec<f32>, count: &mut u32, other: &[f32], n: u32) {
    if n == 0 {
        return;
    }
    if sum.is_empty() {
        *sum = other.to_vec();
        *count = n;
    } else if sum.len() == other.len() {
        sum.iter_mut().zip(other).for_each(|(s, x)| *s += x);
        *count += n;
    }
}

/// The sum of two sparse vectors sorted by term, itself sorted.
fn add_sorted(a: &[(u64, f32)], b: &[(u64, f32)]) -> Vec<(u64, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
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
