//! The dossier of a story: what its outlets say, laid side by side with the evidence.
//!
//! So far: facts with their independent sources (`facts`), conflicts (`conflicts`), the
//! timeline (`timeline`) and quote variants. Each speaker's statements are grouped across the story's articles
//! when they report the same remark (the same words, or a translation or paraphrase of it told
//! in the same setting), verbatim renderings are marked, and a remark worded differently inside
//! quotation marks by different outlets is flagged.

pub mod conflicts;
pub mod facts;
pub mod timeline;

pub use conflicts::{Conflict, Kind, Side};
pub use facts::{Coverage, Fact};
use model::Span;
use std::collections::HashSet;
use stories::terms::{content_words, dice, words};
pub use timeline::Event;

/// One analysed article of the story.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    pub text: &'a str,
    pub layers: &'a nlp::Layers,
    pub quotes: &'a [quotes::Quote],
    pub quantities: &'a [quantities::Quantity],
    pub calendar: &'a [temporal::CalendarNote],
    pub times: &'a [temporal::Timex],
}

impl Article<'_> {
    /// The sentence that holds `span`, if one does.
    pub fn sentence_of(&self, span: Span) -> Option<Span> {
        self.layers
            .sentences
            .iter()
            .copied()
            .find(|s| s.contains(span))
    }
}

/// One rendering of a remark by one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Index into the story's input articles.
    pub article: usize,
    pub parts: Vec<Span>,
    pub direct: bool,
}

/// One remark of one speaker, as the articles render it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteGroup {
    /// The speaker's name as the story's merged entity has it.
    pub speaker: String,
    pub variants: Vec<Variant>,
    /// Every rendering has the same words.
    pub verbatim: bool,
    pub flags: Vec<String>,
}

/// Similarity (Dice over content words of the quote and its sentence, the speaker's own name
/// left out) above which two renderings by different articles are one remark.
const SAME_REMARK: f32 = 0.3;

/// One article's rendering of a quote, with what grouping compares.
struct Rendering<'a> {
    /// The story entity that speaks.
    speaker: usize,
    article: usize,
    quote: &'a quotes::Quote,
    /// Content words of the quote's sentences, the speaker's name left out.
    setting: HashSet<String>,
    /// The quoted words in order.
    said: Vec<String>,
    /// The words inside quotation marks.
    quoted: Vec<String>,
    /// The distinct content words of `said`, sorted.
    said_content: Vec<String>,
}

/// The story entity a quote's resolved speaker belongs to.
pub(crate) fn speaker_of(
    story: &stories::Story,
    article: usize,
    q: &quotes::Quote,
) -> Option<usize> {
    let r = q.resolved?;
    story.entities.iter().position(|e| {
        e.mentions
            .iter()
            .any(|&(a, s)| a == article && s.contains(r.span))
    })
}

/// The content words of a quote with the sentences it sits in (its setting: "asked whether a
/// deal was close"), without the speaker's name.
fn setting(a: &Article, q: &quotes::Quote, name: &[String]) -> HashSet<String> {
    let hull = q.hull();
    let mut text = String::new();
    for s in &a.layers.sentences {
        if s.overlaps(hull) {
            text.push_str(&a.text[s.range()]);
            text.push(' ');
        }
    }
    let mut words = content_words(&text);
    words.retain(|w| !name.contains(w));
    words
}

/// A story with what the dossier found in it.
#[derive(Debug, Clone)]
pub struct Dossier {
    pub story: stories::Story,
    pub facts: Vec<Fact>,
    pub coverage: Vec<Coverage>,
    pub conflicts: Vec<Conflict>,
    pub quotes: Vec<QuoteGroup>,
    pub timeline: Vec<Event>,
}

/// The dossier of one story.
pub fn build(story: stories::Story, articles: &[Article]) -> Dossier {
    let quotes = quote_groups(&story, articles);
    let timeline = timeline::timeline(&story, articles);
    let conflicts = conflicts::conflicts(&story, articles, &timeline);
    let facts = facts::facts(&story, articles);
    let coverage = facts::coverage(&story, articles, &facts);
    Dossier {
        story,
        facts,
        coverage,
        conflicts,
        quotes,
        timeline,
    }
}

/// The stretches of `text` inside quotation marks (double, curly or angle marks; a closing
/// mark missing at the end of a part counts as closed there).
fn inside_marks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '«') => open = Some(i + c.len_utf8()),
            (None, '"') => open = Some(i + 1),
            (Some(o), '”' | '»' | '"') => {
                out.push(&text[o..i]);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(&text[o..]);
    }
    out
}

/// Whether one rendering's content words are mostly found (as words or word beginnings:
/// "will" and "willingness") in the other's: a paraphrase or a truncation.
fn said_alike(a: &Rendering, b: &Rendering) -> bool {
    let (x, y) = (&a.said_content, &b.said_content);
    let (small, large) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if small.len() < 2 {
        return false;
    }
    let alike = |u: &str, v: &str| {
        u == v || (u.len().min(v.len()) >= 4 && (u.starts_with(v) || v.starts_with(u)))
    };
    let found = small
        .iter()
        .filter(|w| large.iter().any(|v| alike(w, v)))
        .count();
    found >= 2 && found as f32 >= SAID_ALIKE * small.len() as f32
}

/// Share of the shorter rendering's content words found in the longer for `said_alike`.
const SAID_ALIKE: f32 = 0.6;

/// Each speaker's own turns of phrase, by speaker: words of five letters or more
/// that the speaker's renderings put inside quotation marks and that the story's articles use
/// nowhere else ("a concept").
fn signature_words(
    story: &stories::Story,
    articles: &[Article],
    items: &[Rendering],
) -> std::collections::HashMap<usize, HashSet<String>> {
    // The articles whose quotes of each speaker hold each long content word.
    let mut quoted_in: std::collections::HashMap<(usize, &str), HashSet<usize>> =
        Default::default();
    for r in items {
        for w in r
            .quoted
            .iter()
            .filter(|w| w.len() >= 5 && stories::terms::is_content_word(w))
        {
            quoted_in
                .entry((r.speaker, w.as_str()))
                .or_default()
                .insert(r.article);
        }
    }
    let mut out: std::collections::HashMap<usize, HashSet<String>> = Default::default();
    if quoted_in.is_empty() {
        return out;
    }
    let story_words: Vec<HashSet<String>> = story
        .articles
        .iter()
        .map(|&ai| words(articles[ai].text).into_iter().collect())
        .collect();
    for ((speaker, w), arts) in quoted_in {
        if arts.len() >= 2 && story_words.iter().filter(|s| s.contains(w)).count() == arts.len() {
            out.entry(speaker).or_default().insert(w.to_string());
        }
    }
    out
}

/// Groups the quotes of a story's articles by speaker and remark. `articles` is indexed like
/// the story's input; only the story's own articles are read.
pub fn quote_groups(story: &stories::Story, articles: &[Article]) -> Vec<QuoteGroup> {
    let mut items: Vec<Rendering> = Vec::new();
    for &ai in &story.articles {
        let a = &articles[ai];
        for q in a.quotes {
            let Some(e) = speaker_of(story, ai, q) else {
                continue;
            };
            let name: Vec<String> = story.entities[e]
                .aliases
                .iter()
                .flat_map(|n| words(n))
                .collect();
            let quoted: Vec<String> = q
                .content
                .iter()
                .flat_map(|s| inside_marks(&a.text[s.range()]))
                .flat_map(words)
                .collect();
            let said: Vec<String> = q
                .content
                .iter()
                .flat_map(|s| words(&a.text[s.range()]))
                .collect();
            let mut said_content: Vec<String> = said
                .iter()
                .filter(|w| stories::terms::is_content_word(w))
                .cloned()
                .collect();
            said_content.sort();
            said_content.dedup();
            items.push(Rendering {
                speaker: e,
                article: ai,
                quote: q,
                setting: setting(a, q, &name),
                said,
                quoted,
                said_content,
            });
        }
    }
    let signatures = signature_words(story, articles, &items);
    // Both put the speaker's own turn of phrase inside quotation marks.
    let share_signature = |a: &Rendering, b: &Rendering| {
        signatures.get(&a.speaker).is_some_and(|own| {
            a.quoted
                .iter()
                .any(|w| own.contains(w) && b.quoted.contains(w))
        })
    };
    // Single link within a speaker: renderings from different articles that are alike.
    let n = items.len();
    let mut group: Vec<usize> = (0..n).collect();
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&items[i], &items[j]);
            if a.speaker != b.speaker || a.article == b.article {
                continue;
            }
            if a.said == b.said
                || dice(&a.setting, &b.setting) >= SAME_REMARK
                || said_alike(a, b)
                || share_signature(a, b)
            {
                let (gi, gj) = (group[i], group[j]);
                for g in &mut group {
                    if *g == gj {
                        *g = gi;
                    }
                }
            }
        }
    }
    let mut out: Vec<QuoteGroup> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for i in 0..n {
        if seen.contains(&group[i]) {
            continue;
        }
        seen.push(group[i]);
        let members: Vec<usize> = (0..n).filter(|&k| group[k] == group[i]).collect();
        let variants: Vec<Variant> = members
            .iter()
            .map(|&k| Variant {
                article: items[k].article,
                parts: items[k].quote.content.clone(),
                direct: items[k].quote.direct,
            })
            .collect();
        let verbatim = members.len() > 1
            && members
                .iter()
                .all(|&k| items[k].said == items[members[0]].said);
        let mut flags = Vec::new();
        // The words each article puts inside quotation marks for this remark.
        let quoted: Vec<(usize, &Vec<String>)> = members
            .iter()
            .filter(|&&k| !items[k].quoted.is_empty())
            .map(|&k| (items[k].article, &items[k].quoted))
            .collect();
        let articles_quoting: HashSet<usize> = quoted.iter().map(|q| q.0).collect();
        // Different words inside the marks for the same words said: renderings that share
        // a word of three letters or more but not all of them. Outlets that quote different
        // parts of one remark share none.
        let differ = quoted.iter().enumerate().any(|(i, x)| {
            quoted[i + 1..].iter().any(|y| {
                x.0 != y.0 && x.1 != y.1 && x.1.iter().any(|w| w.len() >= 3 && y.1.contains(w))
            })
        });
        if articles_quoting.len() > 1 && differ {
            flags
                .push("worded differently inside quotation marks by different outlets".to_string());
        }
        out.push(QuoteGroup {
            speaker: story.entities[items[i].speaker].name.clone(),
            variants,
            verbatim,
            flags,
        });
    }
    // Remarks that several outlets report first.
    out.sort_by_key(|g| {
        let arts: HashSet<usize> = g.variants.iter().map(|v| v.article).collect();
        std::cmp::Reverse(arts.len())
    });
    out
}

#[cfg(test)]
mod tests;
