//! The story's timeline: what its articles place on a calendar date, merged across articles
//! when they tell of the same thing on the same date, in date order.

use crate::Article;
use chrono::{NaiveDate, Weekday};
use model::Span;
use std::collections::HashSet;
use stories::terms::{content_words, dice, shorten};

/// One dated event of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// `YYYY-MM-DD`, or a week `YYYY-Www` or a month `YYYY-MM` when the text says no more.
    pub date: String,
    /// The first and last day the date covers (`YYYY-MM-DD`; the same day for a day).
    pub start: String,
    pub end: String,
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

/// The calendar days a TIMEX3 value covers: a day, an ISO week (`2025-W49`) or a month
/// (`2025-12`); `None` for anything else (parts of days keep their day).
pub fn days_of(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(day) = value.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d") {
            return Some((d, d));
        }
    }
    if let Some((y, w)) = value.split_once("-W") {
        let (y, w) = (y.parse().ok()?, w.get(..2)?.parse().ok()?);
        let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
        return Some((monday, monday + chrono::Days::new(6)));
    }
    if value.len() == 7 {
        let first = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok()?;
        let next = first.checked_add_months(chrono::Months::new(1))?;
        return Some((first, next.pred_opt()?));
    }
    None
}

/// Whether the time expression at `span` dates a statement ("announced on Tuesday", "the
/// Kremlin said on Wednesday") rather than the event told: two outlets reporting two
/// statements on two days do not disagree.
pub(crate) fn dates_a_report(a: &Article, span: Span) -> bool {
    let few_words = |from: usize, to: usize, most: usize| {
        let gap = &a.text[from..to];
        to - from <= 24
            && !gap.contains(['.', '!', '?', '\n'])
            && gap.split_whitespace().count() <= most
    };
    a.quotes.iter().filter_map(|q| q.cue).any(|c| {
        (c.end() <= span.start() && few_words(c.end(), span.start(), 2))
            || (span.end() <= c.start() && few_words(span.end(), c.start(), 1))
    })
}

/// The timeline of a story: time expressions resolved to one calendar day, one week or one
/// month (an honest range where the text says no more), without alternatives left open.
pub fn timeline(story: &stories::Story, articles: &[Article]) -> Vec<Event> {
    struct Item {
        /// The value as the timeline shows it (a day without its part of day), and the first
        /// and last day it covers.
        date: String,
        days: (NaiveDate, NaiveDate),
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
        /// It dates a statement ("the Kremlin said on Wednesday"), not the event told.
        report: bool,
    }
    let mut items = Vec::new();
    for &ai in &story.articles {
        let a = &articles[ai];
        for t in a.times {
            if !t.alternatives.is_empty() {
                continue;
            }
            let Some(days) = days_of(&t.value) else {
                continue;
            };
            // A day keeps only its date (not the part of day); weeks and months stay whole.
            let date = if days.0 == days.1 {
                days.0.to_string()
            } else {
                t.value.clone()
            };
            let Some(s) = a.sentence_of(t.span) else {
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
                report: dates_a_report(a, t.span),
                date,
                days,
                article: ai,
                span: t.span,
                sentence: sentence.to_string(),
                words: content_words(sentence),
                disputed: a.calendar.iter().any(|c| c.span.overlaps(t.span)),
            });
        }
    }
    // A sentence that dates both its event and the statement that tells it ("Witkoff will
    // travel next week, the Kremlin said on Wednesday") is placed on the event's date.
    let told: HashSet<(usize, usize)> = items
        .iter()
        .filter(|it| !it.report)
        .map(|it| (it.article, it.sentence_start))
        .collect();
    items.retain(|it| !it.report || !told.contains(&(it.article, it.sentence_start)));
    for it in &mut items {
        it.leads &= !it.report;
    }
    // A sentence that dates its event ("On Tuesday, ... for Thanksgiving") is placed on that
    // date only; one that does not is placed on every date it names.
    let led: HashSet<(usize, usize)> = items
        .iter()
        .filter(|it| it.leads)
        .map(|it| (it.article, it.sentence_start))
        .collect();
    let leading: HashSet<(usize, usize, String)> = items
        .iter()
        .filter(|it| it.leads)
        .map(|it| (it.article, it.sentence_start, it.date.clone()))
        .collect();
    items.retain(|it| {
        !led.contains(&(it.article, it.sentence_start))
            || leading.contains(&(it.article, it.sentence_start, it.date.clone()))
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
                    start: it.days.0.to_string(),
                    end: it.days.1.to_string(),
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
    // In order of their first day; a day before the week or month that holds it.
    out.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(a.end.cmp(&b.end))
            .then(b.articles.len().cmp(&a.articles.len()))
    });
    out
}
