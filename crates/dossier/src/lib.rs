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
    /// The words inside quotation marks (the parts that open with a mark).
    quoted: Vec<String>,
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
            .any(|&(a, s)| a == article && s.start() <= r.span.start() && r.span.end() <= s.end())
    })
}

/// The content words of a quote with the sentences it sits in (its setting: "asked whether a
/// deal was close"), without the speaker's name.
fn setting(a: &Article, q: &quotes::Quote, name: &[String]) -> HashSet<String> {
    let hull = q.hull();
    let mut text = String::new();
    for s in &a.layers.sentences {
        if s.end() > hull.start() && s.start() < hull.end() {
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
    let conflicts = conflicts::conflicts(&story, articles);
    let timeline = timeline::timeline(&story, articles);
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
                .map(|s| &a.text[s.range()])
                .filter(|t| t.starts_with(['"', '“', '‘', '\'', '«']))
                .flat_map(words)
                .collect();
            let said: Vec<String> = q
                .content
                .iter()
                .flat_map(|s| words(&a.text[s.range()]))
                .collect();
            items.push(Rendering {
                speaker: e,
                article: ai,
                quote: q,
                setting: setting(a, q, &name),
                said,
                quoted,
            });
        }
    }
    // Single link within a speaker: renderings from different articles that are alike.
    let n = items.len();
    let mut group: Vec<usize> = (0..n).collect();
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&items[i], &items[j]);
            if a.speaker != b.speaker || a.article == b.article {
                continue;
            }
            if a.said == b.said || dice(&a.setting, &b.setting) >= SAME_REMARK {
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
        if articles_quoting.len() > 1 && quoted.iter().any(|q| q.1 != quoted[0].1) {
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
