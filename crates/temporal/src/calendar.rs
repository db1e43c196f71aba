//! Calendar consistency: a weekday that does not fall on the date written beside it
//! ("Thursday (October 27th)" in a year where that is a Monday), and a holiday set beside a
//! date it does not fall on. Each finding keeps the span of its evidence.

use crate::lexicon::{holiday, weekday};
use crate::resolve::holiday_date;
use crate::Timex;
use chrono::{Datelike, NaiveDate};
use model::Span;

/// One calendar inconsistency, with the span of the words that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarNote {
    pub span: Span,
    pub message: String,
}

fn full_date(t: &Timex) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(t.value.get(..10)?, "%Y-%m-%d").ok()
}

/// Only brackets, commas, white space and an article between two expressions: they are
/// written as one ("Thursday (October 27th)", "October 27th, the Thanksgiving holiday").
fn adjacent(between: &str) -> bool {
    let rest = between.trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ','));
    rest.is_empty() || rest.eq_ignore_ascii_case("the")
}

const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The finding when weekday `day` (1 = Monday) is written beside date `d`, which it is not.
fn weekday_mismatch(day: u32, d: NaiveDate, span: Span) -> Option<CalendarNote> {
    let actual = d.weekday().number_from_monday();
    (actual != day).then(|| CalendarNote {
        span,
        message: format!(
            "{} does not match {}, which is a {}",
            DAY_NAMES[day as usize - 1],
            d.format("%Y-%m-%d"),
            DAY_NAMES[actual as usize - 1]
        ),
    })
}

/// Calendar inconsistencies among an article's time expressions (in text order), and dates
/// after `published` that the text tells in the past tense.
pub fn calendar_checks(
    text: &str,
    timexes: &[Timex],
    published: Option<NaiveDate>,
) -> Vec<CalendarNote> {
    let mut out = Vec::new();
    if let Some(p) = published {
        // Only dates written out with their year: a relative one was resolved by the tense.
        let with_year = |t: &Timex| {
            text[t.span.range()]
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n.len() == 4)
        };
        for t in timexes.iter().filter(|t| t.past_tense && with_year(t)) {
            if let Some(d) = full_date(t).filter(|d| *d > p) {
                out.push(CalendarNote {
                    span: t.span,
                    message: format!(
                        "{} is told in the past tense but falls after the publication date {}",
                        d.format("%Y-%m-%d"),
                        p.format("%Y-%m-%d")
                    ),
                });
            }
        }
    }
    // "Monday, Oct. 26" read as one date: its own weekday must match it.
    for t in timexes {
        let words: Vec<String> = text[t.span.range()]
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.len() < 2 {
            continue;
        }
        if let (Some(day), Some(d)) = (words.first().and_then(|w| weekday(w)), full_date(t)) {
            out.extend(weekday_mismatch(day, d, t.span));
        }
    }
    for pair in timexes.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if !adjacent(&text[a.span.end()..b.span.start()]) {
            continue;
        }
        let a_words: Vec<String> = text[a.span.range()]
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let b_words: Vec<String> = text[b.span.range()]
            .split(|c: char| c.is_whitespace())
            .map(str::to_lowercase)
            .collect();
        let span = Span::new(a.span.start(), closing(text, b.span.end()));
        // A weekday and the date beside it.
        if let (Some(day), Some(d)) = (a_words.first().and_then(|w| weekday(w)), full_date(b)) {
            out.extend(weekday_mismatch(day, d, span));
        }
        // A date and the holiday beside it.
        let b_refs: Vec<&str> = b_words.iter().map(String::as_str).collect();
        if let (Some(d), Some((h, _))) = (full_date(a), holiday(&b_refs)) {
            if let Some(real) = holiday_date(h, d.year()).filter(|real| *real != d) {
                out.push(CalendarNote {
                    span,
                    message: format!(
                        "{} falls on {} in {}, not on {}",
                        &text[b.span.range()],
                        real.format("%Y-%m-%d"),
                        d.year(),
                        d.format("%Y-%m-%d")
                    ),
                });
            }
        }
    }
    out.sort_by_key(|n| n.span.start());
    out
}

/// Extends an end offset over a closing bracket right after it, so that the evidence reads
/// "Thursday (October 27th)".
fn closing(text: &str, end: usize) -> usize {
    if text[end..].starts_with(')') {
        end + 1
    } else {
        end
    }
}
