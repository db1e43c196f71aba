//! The story's timeline: what its articles place on a calendar date, merged across articles
//! when they tell of the same thing on the same date, in date order.

use crate::Article;
use model::Span;
use std::collections::HashSet;
use stories::terms::{content_words, dice};

/// One dated event of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The shortest sentence that tells of it, shortened.
    pub label: String,
    pub articles: Vec<usize>,
    /// `(article, span)` of each time expression that dates it.
    pub evidence: Vec<(usize, Span)>,
}

/// Sentences about one date are one event when their content words overlap this much (Dice).
const SAME_EVENT: f32 = 0.25;

fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// The timeline of a story. Only time expressions resolved to one calendar day count (not
/// weeks, months, or days with alternatives left open).
pub fn timeline(story: &stories::Story, articles: &[Article]) -> Vec<Event> {
    struct Item {
        date: String,
        article: usize,
        span: Span,
        sentence: String,
        words: HashSet<String>,
    }
    let mut items = Vec::new();
    for &ai in &story.articles {
        let a = &articles[ai];
        for t in a.times {
            let day = t.value.get(..10).unwrap_or("");
            let is_day = day.len() == 10
                && day.as_bytes()[4] == b'-'
                && day.chars().filter(char::is_ascii_digit).count() == 8;
            if !is_day || !t.alternatives.is_empty() {
                continue;
            }
            let Some(s) = a.layers.sentences.iter().find(|s| s.contains(t.span)) else {
                continue;
            };
            let sentence = &a.text[s.range()];
            items.push(Item {
                date: day.to_string(),
                article: ai,
                span: t.span,
                sentence: sentence.to_string(),
                words: content_words(sentence),
            });
        }
    }
    let mut events: Vec<(Event, HashSet<String>, usize)> = Vec::new();
    for it in items {
        let same = events
            .iter_mut()
            .find(|(e, words, _)| e.date == it.date && dice(words, &it.words) >= SAME_EVENT);
        match same {
            Some((e, words, shortest)) => {
                if !e.articles.contains(&it.article) {
                    e.articles.push(it.article);
                }
                e.evidence.push((it.article, it.span));
                words.extend(it.words);
                if it.sentence.len() < *shortest {
                    *shortest = it.sentence.len();
                    e.label = shorten(&it.sentence, 140);
                }
            }
            None => events.push((
                Event {
                    date: it.date,
                    label: shorten(&it.sentence, 140),
                    articles: vec![it.article],
                    evidence: vec![(it.article, it.span)],
                },
                it.words,
                it.sentence.len(),
            )),
        }
    }
    let mut out: Vec<Event> = events.into_iter().map(|e| e.0).collect();
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(b.articles.len().cmp(&a.articles.len()))
    });
    out
}
