//! The year of a story from the text itself: a weekday written beside a date ("On Tuesday
//! (November 25)") holds only in some years; the latest such year not after `now` is taken,
//! and when pairs disagree the year most of them allow wins.

use crate::lexicon::weekday;
use crate::Timex;
use chrono::{Datelike, NaiveDate};
use model::Span;
use std::collections::HashMap;

/// A year read from the text, with the words it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearEvidence {
    pub year: i32,
    /// The month and day of the pair that fixed it.
    pub month: u32,
    pub day: u32,
    pub span: Span,
    /// How many weekday-date pairs allow this year, out of how many were found.
    pub agreeing: usize,
    pub pairs: usize,
}

fn month_day(value: &str) -> Option<(u32, u32)> {
    let rest = value.strip_prefix("XXXX-")?;
    let (m, d) = rest.split_once('-')?;
    Some((m.parse().ok()?, d.parse().ok()?))
}

/// The latest year, up to `now` (a date may lie a month ahead of it: "will meet on Thursday,
/// December 4"), in which month/day is the given weekday; looking back at most 28 years, after
/// which the calendar repeats.
fn latest_year(month: u32, day: u32, weekday: u32, now: NaiveDate) -> Option<i32> {
    (now.year() - 28..=now.year()).rev().find(|&y| {
        NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| {
            d.weekday().number_from_monday() == weekday && (d - now).num_days() <= 31
        })
    })
}

/// Reads the year from weekday-date pairs among `timexes` (resolved without an anchor, so that
/// dates keep `XXXX` for the year).
pub fn infer_year(text: &str, timexes: &[Timex], now: NaiveDate) -> Option<YearEvidence> {
    let mut found: Vec<(i32, u32, u32, Span)> = Vec::new();
    for pair in timexes.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let between = &text[a.span.end()..b.span.start()];
        if !between
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ','))
            .is_empty()
        {
            continue;
        }
        let first = text[a.span.range()]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let (Some(wd), Some((m, d))) = (weekday(&first), month_day(&b.value)) else {
            continue;
        };
        if let Some(y) = latest_year(m, d, wd, now) {
            found.push((
                y,
                m,
                d,
                Span::new(a.span.start(), closing(text, b.span.end())),
            ));
        }
    }
    let mut votes: HashMap<i32, usize> = HashMap::new();
    for &(y, ..) in &found {
        *votes.entry(y).or_default() += 1;
    }
    let (&year, &agreeing) = votes.iter().max_by_key(|&(y, n)| (*n, *y))?;
    let &(_, month, day, span) = found.iter().find(|f| f.0 == year)?;
    Some(YearEvidence {
        year,
        month,
        day,
        span,
        agreeing,
        pairs: found.len(),
    })
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
