//! Copies and rewrites between the articles of one story: the same sentences (exact or nearly,
//! in any order), a close paraphrase of a run of passages in the same order (what a translated
//! rewrite looks like), and the same agency credited as the origin. Each relation keeps the
//! passages that show it.

use crate::terms::{dice, is_content_word, words};
use model::Span;
use std::collections::HashSet;

/// One article as copy detection sees it.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    /// Agency and contributor credits from ingestion ("Reuters", "AFP").
    pub credits: &'a [String],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassageKind {
    /// The same words.
    Same,
    /// Nearly the same words (most word triples shared).
    Near,
    /// The same content words in other wording.
    Paraphrase,
}

impl PassageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::Same => "same",
            PassageKind::Near => "near",
            PassageKind::Paraphrase => "paraphrase",
        }
    }
}

/// A sentence of article `a` matched with one of article `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub a: Span,
    pub b: Span,
    pub kind: PassageKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    /// Shared sentences: one copies the other, or both copy a third.
    Copy,
    /// A run of paraphrased passages in the same order: a rewrite or translation.
    Rewrite,
    /// Both credit the same agency as their origin.
    SameAgency,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Copy => "copy",
            RelationKind::Rewrite => "rewrite",
            RelationKind::SameAgency => "same agency",
        }
    }
}

/// Two articles (indexes into the views) that are not independent, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub a: usize,
    pub b: usize,
    pub kind: RelationKind,
    pub passages: Vec<Passage>,
    /// For `SameAgency`: the agency.
    pub agency: Option<String>,
}

/// Shared sentences needed for a copy (quotes aside: outlets quote the same remark on their own).
const MIN_SHARED: usize = 2;
/// Ordered paraphrased passages needed for a rewrite, and the share of the shorter article.
const MIN_RUN: usize = 3;
const MIN_RUN_SHARE: f32 = 0.3;
const MIN_WORDS: usize = 6;

struct Sentence {
    span: Span,
    words: Vec<String>,
    content: HashSet<String>,
    trigrams: HashSet<u64>,
    /// Most of it is inside quotation marks.
    quoted: bool,
}

fn sentences(v: &View) -> Vec<Sentence> {
    v.sentences
        .iter()
        .map(|s| {
            let text = &v.text[s.range()];
            let words = words(text);
            let content = words
                .iter()
                .filter(|w| is_content_word(w))
                .cloned()
                .collect();
            let trigrams = words
                .windows(3)
                .map(|w| crate::terms::hash(&w.join(" "), 0))
                .collect();
            Sentence {
                span: *s,
                words,
                content,
                trigrams,
                quoted: quoted_share(text) > 0.5,
            }
        })
        .collect()
}

/// The share of a sentence's characters inside quotation marks.
fn quoted_share(s: &str) -> f32 {
    let (mut inside, mut n_in, mut n) = (false, 0usize, 0usize);
    for c in s.chars() {
        if matches!(c, '"' | '“' | '”' | '«' | '»') {
            inside = !inside;
            continue;
        }
        n += 1;
        if inside {
            n_in += 1;
        }
    }
    n_in as f32 / n.max(1) as f32
}

fn jaccard<T: std::hash::Hash + Eq>(a: &HashSet<T>, b: &HashSet<T>) -> f32 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    inter as f32 / union.max(1) as f32
}

/// The agency an article credits as its origin, normalised ("Reuters", "AFP", "AP").
fn agencies(v: &View) -> Vec<String> {
    const AGENCIES: &[&str] = &[
        "reuters",
        "afp",
        "ap",
        "associated press",
        "bloomberg",
        "xinhua",
        "tass",
        "interfax",
        "ria novosti",
        "dpa",
        "efe",
        "ansa",
        "pa",
        "ukrinform",
        "anadolu",
        "kyodo",
        "yonhap",
    ];
    let mut out: Vec<String> = Vec::new();
    let head: String = v.text.chars().take(300).collect::<String>().to_lowercase();
    let lower = v.text.to_lowercase();
    // The agency's own reporting shows in the words around its name: "told AFP", "AFP
    // reporters", "(Reuters) -", "Reuters contributed reporting".
    let own = |a: &str| {
        [
            format!("told {a} "),
            format!("told {a},"),
            format!("told {a}."),
            format!("{a} reporters"),
            format!("{a} correspondent"),
            format!("{a} contributed"),
            format!("{a} reporter "),
        ]
        .iter()
        .any(|p| {
            lower
                .match_indices(p.as_str())
                .any(|(i, _)| i == 0 || !lower[..i].ends_with(|c: char| c.is_alphanumeric()))
        })
    };
    for a in AGENCIES {
        let credited = v.credits.iter().any(|c| {
            c.to_lowercase()
                .split(|ch: char| !ch.is_alphanumeric() && ch != ' ')
                .any(|part| part.trim() == *a)
        }) || head.contains(&format!("({a})"))
            || (a.len() > 2 && own(a));
        if credited {
            out.push(a.to_string());
        }
    }
    out
}

/// Every pair of articles that is not independent, with its evidence.
pub fn relations(views: &[View]) -> Vec<Relation> {
    let sents: Vec<Vec<Sentence>> = views.iter().map(sentences).collect();
    let credits: Vec<Vec<String>> = views.iter().map(agencies).collect();
    let mut out = Vec::new();
    for a in 0..views.len() {
        for b in a + 1..views.len() {
            if let Some(r) = compare(a, b, &sents[a], &sents[b]) {
                out.push(r);
                continue;
            }
            if let Some(agency) = credits[a].iter().find(|x| credits[b].contains(x)) {
                out.push(Relation {
                    a,
                    b,
                    kind: RelationKind::SameAgency,
                    passages: Vec::new(),
                    agency: Some(agency.clone()),
                });
            }
        }
    }
    out
}

fn compare(a: usize, b: usize, sa: &[Sentence], sb: &[Sentence]) -> Option<Relation> {
    // Same or nearly the same sentences, in any order.
    let mut shared = Vec::new();
    for x in sa.iter().filter(|s| s.words.len() >= MIN_WORDS) {
        let best = sb
            .iter()
            .filter(|s| s.words.len() >= MIN_WORDS)
            .map(|y| (jaccard(&x.trigrams, &y.trigrams), y))
            .max_by(|p, q| p.0.total_cmp(&q.0));
        if let Some((j, y)) = best {
            if x.words == y.words || j >= 0.5 {
                let kind = if x.words == y.words {
                    PassageKind::Same
                } else {
                    PassageKind::Near
                };
                shared.push((x, y, kind));
            }
        }
    }
    let unquoted = shared.iter().filter(|(x, _, _)| !x.quoted).count();
    if unquoted >= MIN_SHARED {
        return Some(Relation {
            a,
            b,
            kind: RelationKind::Copy,
            passages: shared
                .iter()
                .map(|(x, y, k)| Passage {
                    a: x.span,
                    b: y.span,
                    kind: *k,
                })
                .collect(),
            agency: None,
        });
    }
    // A run of paraphrased sentences in the same order: the longest chain of aligned pairs.
    let aligned: Vec<(usize, usize)> = sa
        .iter()
        .enumerate()
        .filter(|(_, x)| x.content.len() >= 4)
        .flat_map(|(i, x)| {
            sb.iter()
                .enumerate()
                .filter(move |(_, y)| y.content.len() >= 4 && dice(&x.content, &y.content) >= 0.5)
                .map(move |(j, _)| (i, j))
        })
        .collect();
    let chain = longest_chain(&aligned);
    let shorter = sa.len().min(sb.len()).max(1);
    if chain.len() >= MIN_RUN && chain.len() as f32 >= MIN_RUN_SHARE * shorter as f32 {
        return Some(Relation {
            a,
            b,
            kind: RelationKind::Rewrite,
            passages: chain
                .iter()
                .map(|&(i, j)| Passage {
                    a: sa[i].span,
                    b: sb[j].span,
                    kind: PassageKind::Paraphrase,
                })
                .collect(),
            agency: None,
        });
    }
    None
}

/// The longest run of pairs increasing in both articles (sentences kept in the same order).
fn longest_chain(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut best: Vec<usize> = vec![1; pairs.len()];
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for i in 0..pairs.len() {
        for j in 0..i {
            if pairs[j].0 < pairs[i].0 && pairs[j].1 < pairs[i].1 && best[j] + 1 > best[i] {
                best[i] = best[j] + 1;
                prev[i] = Some(j);
            }
        }
    }
    let Some(mut at) = (0..pairs.len()).max_by_key(|&i| best[i]) else {
        return Vec::new();
    };
    let mut out = vec![pairs[at]];
    while let Some(p) = prev[at] {
        out.push(pairs[p]);
        at = p;
    }
    out.reverse();
    out
}

/// Groups of articles that are not independent of each other (linked by any relation), each
/// sorted; every article is in exactly one group.
pub fn independent_groups(n: usize, relations: &[Relation]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    for r in relations {
        let (x, y) = (find(&mut parent, r.a), find(&mut parent, r.b));
        if x != y {
            parent[y.max(x)] = x.min(y);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_of = vec![usize::MAX; n];
    for i in 0..n {
        let r = find(&mut parent, i);
        if root_of[r] == usize::MAX {
            root_of[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[root_of[r]].push(i);
    }
    groups
}
