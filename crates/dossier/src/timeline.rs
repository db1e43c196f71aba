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
    /// A time expression that dates it is part of a calendar inconsistency (a weekday beside
    /// a date it does not fall on): the date is shown, but in doubt.
    pub disputed: bool,
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
        disputed: bool,
        /// Where its sentence starts, and whether the expression says when the sentence's
        /// event happened ("on Tuesday", or first in the sentence) rather than dating a
        /// side detail ("for Thanksgiving").
        sentence_start: usize,
        leads: bool,
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
            let before = a.text[s.start()..t.span.start()].trim_end();
            let leads = before.is_empty()
                || before
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("on"));
            items.push(Item {
                sentence_start: s.start(),
                leads,
                date: day.to_string(),
                article: ai,
                span: t.span,
                sentence: sentence.to_string(),
                words: content_words(sentence),
                disputed: a
                    .calendar
                    .iter()
                    .any(|c| c.span.start() < t.span.end() && t.span.start() < c.span.end()),
            });
        }
    }
    // A sentence that dates its event ("On Tuesday, ... for Thanksgiving") is placed on that
    // date only; one that does not is placed on every date it names.
    let leading: HashSet<(usize, usize, String)> = items
        .iter()
        .filter(|it| it.leads)
        .map(|it| (it.article, it.sentence_start, it.date.clone()))
        .collect();
    items.retain(|it| {
        let led = leading
            .iter()
            .any(|(a, s, _)| *a == it.article && *s == it.sentence_start);
        !led || leading.contains(&(it.article, it.sentence_start, it.date.clone()))
    });
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
                e.disputed |= it.disputed;
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
                    disputed: it.disputed,
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
