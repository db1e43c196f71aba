//! Reading calendar dates written the ways news sites write them (metadata values, datelines, date lines).

use model::PartialDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

const MONTHS: &str = r"(?i:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?").unwrap()
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
    ))
    .unwrap()
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})(?:,?\s+(\d{{4}})\b)?"
    ))
    .unwrap()
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b({MONTHS})\s+(\d{{4}})\b")).unwrap());

/// Month number from an English month name or abbreviation (`Nov`, `Nov.`, `November`).
pub(crate) fn month_number(name: &str) -> Option<u32> {
    model::calendar::month_number(name)
}

fn valid(d: PartialDate) -> bool {
    let day_ok = match (d.month, d.day) {
        (Some(m), Some(day)) => (1..=12).contains(&m) && (1..=31).contains(&day),
        (Some(m), None) => (1..=12).contains(&m),
        _ => true,
    };
    let year_ok = d.year.is_none_or(|y| (1800..=2200).contains(&y));
    let full_ok = match (d.year, d.month, d.day) {
        (Some(_), Some(_), Some(_)) => d.full().is_some(),
        _ => true,
    };
    day_ok && year_ok && full_ok
}

/// Finds the first date in `s` and returns it with the byte range it was read from.
///
/// Understands ISO dates (with or without a time), `November 26, 2025`, `Nov. 26`, `26 November 2025`,
/// `26th of Nov` and `November 2025`. Parts the text does not give stay unknown.
pub fn parse_date(s: &str) -> Option<(PartialDate, Range<usize>)> {
    let mut found: Vec<(PartialDate, Range<usize>)> = Vec::new();
    if let Some(c) = ISO.captures(s) {
        let d = PartialDate {
            year: c[1].parse().ok(),
            month: c[2].parse().ok(),
            day: c[3].parse().ok(),
        };
        found.push((d, c.get(0).unwrap().range()));
    }
    if let Some(c) = MONTH_DAY.captures(s) {
        let d = PartialDate {
            year: c.get(3).and_then(|y| y.as_str().parse().ok()),
            month: month_number(&c[1]),
            day: c[2].parse().ok(),
        };
        found.push((d, c.get(0).unwrap().range()));
    }
    if let Some(c) = DAY_MONTH.captures(s) {
        let d = PartialDate {
            year: c.get(3).and_then(|y| y.as_str().parse().ok()),
            month: month_number(&c[2]),
            day: c[1].parse().ok(),
        };
        found.push((d, c.get(0).unwrap().range()));
    }
    if let Some(c) = MONTH_YEAR.captures(s) {
        let d = PartialDate {
            year: c[2].parse().ok(),
            month: month_number(&c[1]),
            day: None,
        };
        found.push((d, c.get(0).unwrap().range()));
    }
    // The earliest match wins; at the same place, the longest (most complete) one.
    found
        .into_iter()
        .filter(|(d, _)| valid(*d))
        .min_by_key(|(_, r)| (r.start, std::cmp::Reverse(r.end)))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    fn check(input: &str, expect: &str) {
        let got = match parse_date(input) {
            Some((d, r)) => format!("{} <- {:?}", d.iso(), &input[r]),
            None => "none".to_string(),
        };
        assert_eq!(got, expect, "input: {input}");
    }

    #[test]
    fn reads_common_news_date_forms() {
        check(
            "2025-11-26T09:14:00Z",
            "2025-11-26 <- \"2025-11-26T09:14:00Z\"",
        );
        check(
            "Published November 26, 2025 at 9:14 am",
            "2025-11-26 <- \"November 26, 2025\"",
        );
        check("Washington, Nov 26: Former", "--11-26 <- \"Nov 26\"");
        check("Wed 26 Nov 2025 10.32 GMT", "2025-11-26 <- \"26 Nov 2025\"");
        check("Sunday (23rd)", "none");
        check("in March 2024 the", "2024-03 <- \"March 2024\"");
        check("February 30, 2025", "none");
        check("May I say", "none");
    }
}
