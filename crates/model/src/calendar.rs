//! English calendar words that readers and annotators share: month and weekday names with
//! their usual abbreviations.

pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month number from a name or abbreviation, any case, with or without a period: `November`,
/// `Nov`, `Nov.`, `Sept`.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(w.as_str())))
        .map(|i| i as u32 + 1)
}

/// ISO weekday number (Monday is 1) from a name or abbreviation: `Tuesday`, `Tue`, `Tues.`,
/// `Thurs`.
pub fn weekday_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    match w.as_str() {
        "tues" => return Some(2),
        "thur" | "thurs" => return Some(4),
        _ => {}
    }
    WEEKDAYS
        .iter()
        .position(|d| *d == w || (w.len() == 3 && d.starts_with(w.as_str())))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::{month_number, weekday_number};

    #[test]
    fn names_and_abbreviations() {
        let months: Vec<Option<u32>> = ["November", "nov.", "Sept", "sep", "May", "Novel"]
            .iter()
            .map(|w| month_number(w))
            .collect();
        assert_eq!(
            months,
            [Some(11), Some(11), Some(9), Some(9), Some(5), None]
        );
        let days: Vec<Option<u32>> = ["Tuesday", "tue", "Tues.", "THURS", "Sun", "Sunny"]
            .iter()
            .map(|w| weekday_number(w))
            .collect();
        assert_eq!(days, [Some(2), Some(2), Some(2), Some(4), Some(7), None]);
    }
}
