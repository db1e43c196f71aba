//! Facts: the claims of a story's articles aligned across articles, each with the articles
//! that report it and the number of independent sources among them (copies and rewrites of
//! one another count once).

use crate::Article;
use model::Span;
use std::collections::HashSet;
use stories::terms::{content_words, dice};

/// One claim as several articles make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The shortest sentence that makes the claim.
    pub text: String,
    pub articles: Vec<usize>,
    pub independent_sources: usize,
    /// `(article, sentence span)` of every sentence that makes it.
    pub evidence: Vec<(usize, Span)>,
}

/// Sentences of different articles make one claim when their content words overlap this much
/// (Dice), and they share a name or a number when either has one.
const SAME_CLAIM: f32 = 0.4;
/// Sentences with fewer content words than this are too short to be claims.
const MIN_WORDS: usize = 5;

struct Claim {
    article: usize,
    span: Span,
    words: HashSet<String>,
    /// Capitalised words and numbers: the names and figures the claim is about.
    anchors: HashSet<String>,
}

fn claims(a: &Article, ai: usize) -> Vec<Claim> {
    a.layers
        .sentences
        .iter()
        .filter_map(|s| {
            let text = &a.text[s.range()];
            let raw: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let words = content_words(text);
            let anchors = raw
                .iter()
                .skip(1)
                .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
                .map(|w| w.to_lowercase())
                .filter(|w| !stories::terms::is_stopword(w))
                .collect();
            (words.len() >= MIN_WORDS).then_some(Claim {
                article: ai,
                span: *s,
                words,
                anchors,
            })
        })
        .collect()
}

/// The facts of a story that at least two articles report, most independent sources first.
pub fn facts(story: &stories::Story, articles: &[Article]) -> Vec<Fact> {
    let all: Vec<Claim> = story
        .articles
        .iter()
        .flat_map(|&ai| claims(&articles[ai], ai))
        .collect();
    // Single link across articles.
    let mut group: Vec<usize> = (0..all.len()).collect();
    for i in 0..all.len() {
        for j in i + 1..all.len() {
            let (a, b) = (&all[i], &all[j]);
            if a.article == b.article || group[i] == group[j] {
                continue;
            }
            let anchored = (a.anchors.is_empty() && b.anchors.is_empty())
                || a.anchors.intersection(&b.anchors).next().is_some();
            if anchored && dice(&a.words, &b.words) >= SAME_CLAIM {
                let (from, to) = (group[j], group[i]);
                for g in &mut group {
                    if *g == from {
                        *g = to;
                    }
                }
            }
        }
    }
    let source_of = |ai: usize| {
        story
            .independent_groups
            .iter()
            .position(|g| g.contains(&ai))
            .unwrap_or(usize::MAX)
    };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for i in 0..all.len() {
        if !seen.insert(group[i]) {
            continue;
        }
        let members: Vec<&Claim> = (0..all.len())
            .filter(|&k| group[k] == group[i])
            .map(|k| &all[k])
            .collect();
        let mut arts: Vec<usize> = members.iter().map(|c| c.article).collect();
        arts.sort_unstable();
        arts.dedup();
        if arts.len() < 2 {
            continue;
        }
        let sources: HashSet<usize> = arts.iter().map(|&a| source_of(a)).collect();
        let shortest = members
            .iter()
            .min_by_key(|c| c.span.len())
            .map(|c| {
                articles[c.article].text[c.span.range()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        out.push(Fact {
            text: shortest,
            articles: arts,
            independent_sources: sources.len(),
            evidence: members.iter().map(|c| (c.article, c.span)).collect(),
        });
    }
    out.sort_by(|a, b| {
        b.independent_sources
            .cmp(&a.independent_sources)
            .then(b.articles.len().cmp(&a.articles.len()))
    });
    out
}

/// What one article reports alone, and which of the story's facts it leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub article: usize,
    /// Its claims that no other article makes and that name someone or give a figure.
    pub only: Vec<Span>,
    /// Indexes into the story's facts that two or more independent sources report and this
    /// article does not.
    pub missing: Vec<usize>,
}

/// Each article's coverage of the story, given the story's facts.
pub fn coverage(story: &stories::Story, articles: &[Article], facts: &[Fact]) -> Vec<Coverage> {
    let in_fact: HashSet<(usize, usize)> = facts
        .iter()
        .flat_map(|f| f.evidence.iter().map(|&(a, s)| (a, s.start())))
        .collect();
    story
        .articles
        .iter()
        .map(|&ai| {
            let only = claims(&articles[ai], ai)
                .into_iter()
                .filter(|c| !c.anchors.is_empty() && !in_fact.contains(&(ai, c.span.start())))
                .map(|c| c.span)
                .collect();
            let missing = facts
                .iter()
                .enumerate()
                .filter(|(_, f)| f.independent_sources >= 2 && !f.articles.contains(&ai))
                .map(|(k, _)| k)
                .collect();
            Coverage {
                article: ai,
                only,
                missing,
            }
        })
        .collect()
}
