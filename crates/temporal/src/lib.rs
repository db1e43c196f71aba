//! Time expressions as a layer of spans with TIMEX3-style values ("on Tuesday" → `2025-11-25`,
//! "next week" → `2025-W49`, "nearly four years" → `P4Y`), resolved against an anchor date (the
//! publication date) and the tense of their sentence. A value that cannot be fixed keeps its
//! unknown parts (`XXXX-10-14`), and an expression whose direction the sentence does not give
//! keeps both readings.

mod calendar;
mod infer;
mod lexicon;
mod resolve;

#[cfg(test)]
mod tests;

pub use calendar::{calendar_checks, CalendarNote};
use chrono::NaiveDate;
pub use infer::{infer_year, YearEvidence};
use lexicon::{modifier, month, number, ordinal, part_of_day, unit, weekday, Unit};
use model::Span;
use nlp::{Token, TokenKind};
use resolve::{resolve, Meaning, Tense};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// One time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexKind,
    /// The TIMEX3 value: `2025-11-25`, `2025-11`, `2025-W49`, `2025-11-25TNI`, `P4Y`, `PAST_REF`;
    /// unknown parts are `X` (`XXXX-10-14`).
    pub value: String,
    /// TIMEX3 `mod`: `APPROX`, `EQUAL_OR_LESS`, `MORE_THAN`, `START`, `MID`, `END`...
    pub modifier: Option<&'static str>,
    /// Other readings when the sentence does not say which is meant ("on Tuesday" with no tense
    /// to go by: the Tuesday before and the Tuesday after).
    pub alternatives: Vec<String>,
    /// The clause around the expression is in the past tense.
    pub past_tense: bool,
}

/// What the words of one sentence are, for matching: lower-cased text per token.
struct Words<'a> {
    lower: Vec<String>,
    tokens: &'a [Token],
    text: &'a str,
}

impl Words<'_> {
    fn get(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }
    fn is_number(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }
}

/// Time expressions in `text`, resolved against `anchor` when given.
pub fn timexes(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    anchor: Option<NaiveDate>,
) -> Vec<Timex> {
    let mut out = Vec::new();
    // The last quarter named ("the third quarter": 2025-Q3) and the sentence it was named in.
    let mut quarter: Option<(i32, u32, usize)> = None;
    for (si, &s) in sentences.iter().enumerate() {
        let first = out.len();
        let toks = &tokens[nlp::tokens_within(tokens, s)];
        let words = Words {
            lower: toks.iter().map(|t| t.text(text).to_lowercase()).collect(),
            tokens: toks,
            text,
        };
        let mut i = 0;
        while i < toks.len() {
            match find(&words, i) {
                Some((len, meaning, modifier)) if len > 0 => {
                    let tense = tense_near(&words, i, i + len);
                    let (kind, value, alternatives) = resolve(&meaning, anchor, tense);
                    out.push(Timex {
                        span: Span::new(toks[i].span.start(), toks[i + len - 1].span.end()),
                        kind,
                        value,
                        modifier,
                        alternatives,
                        past_tense: tense == Tense::Past,
                    });
                    i += len;
                }
                _ => i += 1,
            }
        }
        // Results compare a quarter with "a year earlier": the same quarter of the year before,
        // when the quarter was named in this sentence or the one before.
        for t in &out[first..] {
            if let Some((y, q)) = quarter_of(&t.value) {
                quarter = Some((y, q, si));
            }
        }
        if let Some((y, q, at)) = quarter.filter(|q| si <= q.2 + 1) {
            for t in &mut out[first..] {
                if at == si && quarter_of(&t.value).is_some() {
                    continue;
                }
                let words = text[t.span.range()].to_lowercase();
                // In the next sentence only a comparison ("a year earlier") still means it.
                let compares = at == si || words.contains("ago") || words.contains("earlier");
                if compares && t.value == format!("{:04}", y - 1) && is_year_before(&words) {
                    t.value = format!("{:04}-Q{q}", y - 1);
                }
            }
        }
    }
    out
}

/// The year and number of a quarter value (`2025-Q3`).
fn quarter_of(value: &str) -> Option<(i32, u32)> {
    let (y, q) = value.split_once("-Q")?;
    Some((
        y.parse().ok()?,
        q.parse().ok().filter(|q| (1..=4).contains(q))?,
    ))
}

/// "a year ago", "a year earlier", "last year", "the previous year": the year before.
fn is_year_before(words: &str) -> bool {
    words.contains("year")
        && ["ago", "earlier", "last", "before", "previous", "prior"]
            .iter()
            .any(|w| words.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
}

/// Future-tense cues; words that are as often nouns ("plan", "set") are left out.
const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "going",
    "scheduled",
    "expected",
    "upcoming",
    "aims",
    "intends",
    "hopes",
    "payable",
];
/// Past-tense cues. Reporting verbs ("said", "told") are left out: they date the report, not
/// what is reported ("said he will travel on Tuesday").
const PAST: &[&str] = &[
    "was", "were", "had", "did", "ago", "since", "met", "held", "came", "went", "took", "made",
    "gave", "spoke", "wrote", "left", "began", "won", "lost", "saw", "brought", "bought", "sold",
    "found", "fell", "rose", "paid", "led", "became", "ran", "kept", "sent", "built", "spent",
    "struck", "chose", "grew", "knew", "thought", "felt", "stood", "heard", "sought", "fought",
    "drew", "drove", "flew", "threw", "broke", "shot", "fled", "swore", "hung", "sank", "withdrew",
];

/// The tense of the words nearest to an expression: a future or past marker, or none.
fn tense_near(w: &Words, start: usize, end: usize) -> Tense {
    let cue = |i: usize| -> Option<Tense> {
        let x = w.get(i);
        let next = w.get(i + 1);
        let prev = i.checked_sub(1).map_or("", |p| w.get(p));
        // Plans and arrangements look ahead: "planned to leave on Thursday", "would travel
        // Thursday" (not "would have"), "is to resume trading Tuesday", "postponed until
        // Tuesday", "as early as Tuesday". A plan named after the date ("In September, it
        // announced plans to ...") says nothing of the date's tense.
        let ahead = FUTURE.contains(&x)
            || (x == "would" && next != "have")
            || (i < start
                && matches!(x, "plan" | "plans" | "planned" | "set" | "due")
                && next == "to")
            || (x == "to" && matches!(prev, "is" | "are"))
            || x == "until"
            || (x == "early" && prev == "as");
        if ahead {
            Some(Tense::Future)
        } else if PAST.contains(&x)
            || (x.len() > 4
                && x.ends_with("ed")
                // A passive ("will be named") is not a past.
                && !matches!(prev, "be" | "being")
                && w.tokens[i].kind == TokenKind::Word
                && !matches!(
                    x,
                    "reported" | "announced" | "stated" | "added" | "noted" | "quoted"
                )
                && !w.tokens[i].text(w.text).starts_with(char::is_uppercase))
        {
            Some(Tense::Past)
        } else {
            None
        }
    };
    // "said Tuesday", "told reporters on Monday": the day of the report, in the past.
    const REPORTING: &[&str] = &[
        "said",
        "told",
        "announced",
        "reported",
        "added",
        "stated",
        "says",
    ];
    let mut k = start;
    while k > 0
        && matches!(
            w.get(k - 1),
            "on" | "late" | "early" | "reporters" | "journalists"
        )
    {
        k -= 1;
    }
    if k > 0 && REPORTING.contains(&w.get(k - 1)) {
        return if w.get(k - 1) == "says" {
            Tense::Unknown
        } else {
            Tense::Past
        };
    }
    // Only within the clause: a semicolon, colon or "but" starts another. The verb before an
    // expression governs it more often than one after it.
    let stop = |x: &str| matches!(x, ";" | ":" | "but" | "—" | "–");
    let n = w.lower.len();
    let (mut left, mut right) = (true, true);
    let mut found_after = None;
    for d in 1..n {
        let mut before = None;
        if left {
            match start.checked_sub(d) {
                Some(i) if stop(w.get(i)) => left = false,
                Some(i) => before = cue(i),
                None => left = false,
            }
        }
        let mut after = None;
        if right {
            let i = end + d - 1;
            if i >= n || stop(w.get(i)) {
                right = false;
            } else {
                after = cue(i);
            }
        }
        if let Some(t) = before {
            return t;
        }
        if found_after.is_none() {
            found_after = after;
        }
        if !left && !right {
            break;
        }
    }
    found_after.unwrap_or(Tense::Unknown)
}

fn meaning_len(len: usize, m: Meaning) -> Option<(usize, Meaning, Option<&'static str>)> {
    Some((len, m, None))
}

/// The longest time expression starting at token `i`, its meaning and its modifier.
fn find(w: &Words, i: usize) -> Option<(usize, Meaning, Option<&'static str>)> {
    let x = w.get(i);
    // A qualifier before a duration: "nearly four years", "more than two weeks".
    if let Some(m) = modifier(x) {
        let two_words = (matches!(x, "more" | "less") && w.get(i + 1) == "than")
            || (x == "at" && w.get(i + 1) == "least");
        let skip = if two_words {
            2
        } else if x == "at" {
            return None;
        } else {
            1
        };
        if let Some((len, Meaning::Duration(d), _)) = duration(w, i + skip) {
            if w.get(i + skip + len) == "ago" {
                return Some((len + skip + 1, Meaning::Ago(d), None));
            }
            return Some((len + skip, Meaning::Duration(d), Some(m)));
        }
        return None;
    }
    // Part-of-month prefixes: "mid-January", "early March", "late 2024".
    if let Some((edge, rest)) = x.split_once('-') {
        if let (Some(m), Some(mo)) = (edge_mod(edge), month(rest)) {
            let (extra, year) = year_after(w, i + 1);
            return Some((1 + extra, Meaning::Month { month: mo, year }, Some(m)));
        }
    }
    if let Some(m) = edge_mod(x) {
        if let Some(mo) = month(w.get(i + 1)) {
            let (extra, year) = year_after(w, i + 2);
            return Some((2 + extra, Meaning::Month { month: mo, year }, Some(m)));
        }
    }
    match x {
        "today" => return meaning_len(1, Meaning::Days(0, None)),
        "yesterday" => {
            return meaning_len(
                1 + part_after(w, i + 1).is_some() as usize,
                Meaning::Days(-1, part_after(w, i + 1)),
            )
        }
        "tomorrow" => {
            return meaning_len(
                1 + part_after(w, i + 1).is_some() as usize,
                Meaning::Days(1, part_after(w, i + 1)),
            )
        }
        "tonight" => return meaning_len(1, Meaning::Days(0, Some("NI"))),
        "now" | "currently" | "nowadays" => return meaning_len(1, Meaning::Ref("PRESENT_REF")),
        "recently" | "lately" | "recent" => {
            // "recent years" is a stretch of the past; "recent" alone refers to it.
            let plural = unit(w.get(i + 1)).filter(|_| w.get(i + 1).ends_with('s'));
            return match plural {
                Some(u) if x == "recent" => meaning_len(2, Meaning::Duration(u.duration("X"))),
                _ => meaning_len(1, Meaning::Ref("PAST_REF")),
            };
        }
        "current" => return meaning_len(1, Meaning::Ref("PRESENT_REF")),
        "soon" | "future" => return meaning_len(1, Meaning::Ref("FUTURE_REF")),
        "daily" => return meaning_len(1, Meaning::Set("P1D".into())),
        "weekly" => return meaning_len(1, Meaning::Set("P1W".into())),
        "monthly" => return meaning_len(1, Meaning::Set("P1M".into())),
        "annually" | "yearly" => return meaning_len(1, Meaning::Set("P1Y".into())),
        _ => {}
    }
    if x == "the"
        && matches!(w.get(i + 1), "past" | "future")
        && unit(w.get(i + 2)).is_none()
        && number(w.get(i + 2)).is_none()
    {
        let r = if w.get(i + 1) == "past" {
            "PAST_REF"
        } else {
            "FUTURE_REF"
        };
        return meaning_len(2, Meaning::Ref(r));
    }
    if x == "the" && w.get(i + 1) == "night" && w.get(i + 2) == "before" {
        return meaning_len(3, Meaning::Days(-1, Some("NI")));
    }
    let ahead: Vec<&str> = (i..i + 4).map(|k| w.get(k)).collect();
    if let Some((h, len)) = lexicon::holiday(&ahead) {
        // "Easter 2026": the year fixes it.
        if let Some(d) = four_digit_year(w.get(i + len)).and_then(|y| resolve::holiday_date(h, y)) {
            return meaning_len(len + 1, Meaning::Fixed(d.format("%Y-%m-%d").to_string()));
        }
        return meaning_len(len, Meaning::Holiday(h));
    }
    if let Some(found) = quarter_or_season(w, i) {
        return Some(found);
    }
    // "this morning", "last night", "this week", "next month", "last year", "last Tuesday".
    if matches!(x, "this" | "last" | "next" | "past" | "coming" | "previous") {
        let step = match x {
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let y = w.get(i + 1);
        if let Some(p) = part_of_day(y) {
            let days = if x == "last" && p == "NI" { -1 } else { 0 };
            return meaning_len(2, Meaning::Days(days, Some(p)));
        }
        if let Some(d) = weekday(y) {
            let part = part_after(w, i + 2);
            return meaning_len(
                2 + part.is_some() as usize,
                Meaning::Weekday {
                    day: d,
                    step: Some(step),
                    part,
                    clock: None,
                },
            );
        }
        if let Some(u) = unit(y) {
            if !y.ends_with('s') {
                return meaning_len(2, Meaning::Relative { unit: u, step });
            }
        }
        if let Some(mo) = month(y) {
            return meaning_len(2, Meaning::MonthStep { month: mo, step });
        }
    }
    // "earlier this month", "later this year".
    if matches!(x, "earlier" | "later") && w.get(i + 1) == "this" {
        if let Some(u) = unit(w.get(i + 2)) {
            return meaning_len(3, Meaning::Relative { unit: u, step: 0 });
        }
    }
    // "every week", "each year".
    if matches!(x, "every" | "each") {
        if let Some(u) = unit(w.get(i + 1)) {
            return meaning_len(2, Meaning::Set(u.duration("1")));
        }
        if let Some(d) = weekday(w.get(i + 1)) {
            return meaning_len(2, Meaning::Set(format!("XXXX-WXX-{d}")));
        }
    }
    // "within 24 hours": a duration.
    if x == "within" {
        if let Some((len, m, _)) = duration(w, i + 1) {
            return Some((len + 1, m, None));
        }
    }
    // Weekday, with an optional part of day and a date in brackets after it.
    if let Some(d) = weekday(x).filter(|_| x.len() > 4 || matches!(w.get(i + 1), "." | ",")) {
        // "Sunday (23rd)": the day of the month in brackets fixes which Sunday.
        if w.get(i + 1) == "(" && w.get(i + 3) == ")" {
            if let Some(dom) = ordinal(w.get(i + 2)) {
                return meaning_len(4, Meaning::WeekdayOfMonth { day: d, dom });
            }
        }
        // "Monday, Oct. 26": the date says which Monday; one expression, valued by the date
        // (a weekday that does not match it is a calendar finding).
        if w.get(i + 1) == "," {
            if let Some((len, m @ Meaning::Date { .. }, modifier)) = find(w, i + 2) {
                return Some((len + 2, m, modifier));
            }
        }
        let part = part_after(w, i + 1);
        return meaning_len(
            1 + part.is_some() as usize,
            Meaning::Weekday {
                day: d,
                step: None,
                part,
                clock: None,
            },
        );
    }
    // "October 14", "Oct. 14, 2025", "October 2025", "October".
    if let Some(mo) = month(x) {
        // "may" is a verb far more often than a month: only with a day or a year.
        let mut len = 1;
        // The period of an abbreviation ("Oct."), not the full stop after "in March.".
        if w.get(i + 1) == "." && !model::calendar::MONTHS.contains(&x) {
            len += 1;
        }
        let day = w
            .get(i + len)
            .parse::<u32>()
            .ok()
            .or_else(|| ordinal(w.get(i + len)))
            .filter(|d| (1..=31).contains(d) && w.get(i + len).len() <= 4);
        if let Some(day) = day {
            len += 1;
            let (extra, year) = year_after_comma(w, i + len);
            return meaning_len(
                len + extra,
                Meaning::Date {
                    month: mo,
                    day,
                    year,
                },
            );
        }
        let (extra, year) = year_after(w, i + len);
        // "may" is a verb and "Jan", "Mar" names far more often than months: only with a year.
        if (x == "may" || x.len() <= 4 && !matches!(x, "june" | "july")) && year.is_none() {
            return None;
        }
        if x.len() <= 3
            && year.is_none()
            && !w.tokens[i].text(w.text).starts_with(char::is_uppercase)
        {
            return None;
        }
        if !w.tokens[i].text(w.text).starts_with(char::is_uppercase) {
            return None;
        }
        return meaning_len(len + extra, Meaning::Month { month: mo, year });
    }
    // "14 October", "14th of October 2025".
    if let Some(day) = w
        .get(i)
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d) && w.get(i).len() <= 2)
        .or_else(|| ordinal(x))
    {
        let of = (w.get(i + 1) == "of") as usize;
        if let Some(mo) = month(w.get(i + 1 + of)) {
            let (extra, year) = year_after(w, i + 2 + of);
            return meaning_len(
                2 + of + extra,
                Meaning::Date {
                    month: mo,
                    day,
                    year,
                },
            );
        }
    }
    // ISO dates and years.
    if let Some(d) = iso_date(x) {
        return meaning_len(1, Meaning::Fixed(d));
    }
    if w.is_number(i) && x.len() == 4 {
        if let Ok(y) = x.parse::<i32>() {
            if (1900..=2100).contains(&y) {
                return meaning_len(1, Meaning::Fixed(format!("{y:04}")));
            }
        }
    }
    if x.len() == 5
        && x.ends_with('s')
        && x[..4]
            .parse::<i32>()
            .is_ok_and(|y| (1900..2100).contains(&y) && y % 10 == 0)
    {
        return meaning_len(1, Meaning::Fixed(x[..3].to_string()));
    }
    // Decades written short: "the 80s", "the '80s".
    {
        let d = x.trim_start_matches(['\'', '’']);
        if d.len() == 3
            && d.ends_with('s')
            && d[..2].bytes().all(|b| b.is_ascii_digit())
            && d.as_bytes()[1] == b'0'
        {
            let tens = &d[..1];
            let century = if d < "20" { "20" } else { "19" };
            return meaning_len(1, Meaning::Fixed(format!("{century}{tens}")));
        }
    }
    // A four-digit time in UTC: "0800 UTC".
    if x.len() == 4 && matches!(w.get(i + 1), "utc" | "gmt") {
        if let (Ok(h), Ok(m)) = (x[..2].parse::<u32>(), x[2..].parse::<u32>()) {
            if h < 24 && m < 60 {
                return meaning_len(2, Meaning::Clock(h, m, true));
            }
        }
    }
    // Clock times: "10 a.m.", "3:30 pm".
    if w.is_number(i) {
        if let Some((h, m)) = clock(x) {
            let ampm = w.get(i + 1);
            let pm = matches!(ampm, "p.m." | "pm" | "p.m");
            let am = matches!(ampm, "a.m." | "am" | "a.m");
            if pm || am || x.contains(':') {
                let h = if pm && h < 12 {
                    h + 12
                } else if am && h == 12 {
                    0
                } else {
                    h
                };
                // A time given in UTC ("18:00 UTC", "4 p.m. GMT") carries the zone: `Z`.
                let len = 1 + (pm || am) as usize;
                let utc = matches!(w.get(i + len), "utc" | "gmt" | "z");
                // "10 p.m. Monday", "9 a.m. on Friday": the weekday says which day.
                let on = usize::from(w.get(i + len) == "on");
                if let Some(d) = weekday(w.get(i + len + on)).filter(|_| !utc) {
                    return meaning_len(
                        len + on + 1,
                        Meaning::Weekday {
                            day: d,
                            step: None,
                            part: None,
                            clock: Some((h, m)),
                        },
                    );
                }
                return meaning_len(len + utc as usize, Meaning::Clock(h, m, utc));
            }
        }
    }
    // "two days ago", and durations: "four years", "24 hours", "a couple of weeks".
    if let Some((len, Meaning::Duration(d), _)) = duration(w, i) {
        if w.get(i + len) == "ago" {
            return meaning_len(len + 1, Meaning::Ago(d));
        }
        if w.get(i + len) == "earlier" {
            return meaning_len(len + 1, Meaning::Ago(d));
        }
        if w.get(i + len) == "later" {
            return meaning_len(len + 1, Meaning::Ref("FUTURE_REF"));
        }
        return meaning_len(len, Meaning::Duration(d));
    }
    if x == "the" && matches!(w.get(i + 1), "past" | "last" | "next" | "coming") {
        if let Some((len, m, _)) = duration(w, i + 2) {
            return Some((len + 2, m, None));
        }
    }
    None
}

fn quarter_number(w: &str) -> Option<u32> {
    let w = w.strip_suffix("-quarter").unwrap_or(w);
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        _ => return None,
    })
}

fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A quarter after its year: "the 2023 second quarter", "this year's third quarter", "last
/// year's quarter".
fn quarter_of_year(w: &Words, i: usize) -> Option<(usize, Meaning, Option<&'static str>)> {
    let mut k = i + usize::from(w.get(i) == "the");
    let (year, step) = if let Some(y) = four_digit_year(w.get(k)) {
        k += 1;
        (Some(y), 0)
    } else if w.get(k + 1) == "year" && matches!(w.get(k + 2), "'s" | "’s") {
        let step = match w.get(k) {
            "last" | "previous" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        k += 3;
        (None, step)
    } else {
        return None;
    };
    let number = quarter_number(w.get(k));
    if number.is_some() {
        k += 1;
    }
    (w.get(k) == "quarter").then_some((k + 1 - i, Meaning::QuarterIn { number, year, step }, None))
}

/// Quarters ("the third quarter", "third-quarter", "the latest quarter", "the year-earlier
/// quarter") and seasons ("last fall", "this summer").
fn quarter_or_season(w: &Words, i: usize) -> Option<(usize, Meaning, Option<&'static str>)> {
    if let Some(found) = quarter_of_year(w, i) {
        return Some(found);
    }
    let mut j = i + usize::from(w.get(i) == "the");
    if matches!(w.get(j), "fiscal") {
        j += 1;
    }
    if matches!(w.get(j), "year-earlier" | "year-ago") {
        j += 1;
        if matches!(w.get(j), "quarter" | "period") {
            j += 1;
        }
        return Some((
            j - i,
            Meaning::Quarter {
                number: None,
                back_a_year: true,
            },
            None,
        ));
    }
    let x = w.get(j);
    if x.ends_with("-quarter") {
        if let Some(n) = quarter_number(x) {
            return Some((
                j + 1 - i,
                Meaning::Quarter {
                    number: Some(n),
                    back_a_year: false,
                },
                None,
            ));
        }
    }
    if let Some(n) = quarter_number(x) {
        if w.get(j + 1) == "quarter" {
            // "the first quarter of last year".
            if w.get(j + 2) == "of" && w.get(j + 4) == "year" {
                let back = match w.get(j + 3) {
                    "last" => Some(true),
                    "this" => Some(false),
                    _ => None,
                };
                if let Some(back_a_year) = back {
                    return Some((
                        j + 5 - i,
                        Meaning::Quarter {
                            number: Some(n),
                            back_a_year,
                        },
                        None,
                    ));
                }
            }
            let of = usize::from(w.get(j + 2) == "of" && four_digit_year(w.get(j + 3)).is_some());
            let (extra, year) = year_after(w, j + 2 + of);
            let extra = extra + of;
            let m = match year {
                Some(y) => Meaning::Fixed(format!("{y:04}-Q{n}")),
                None => Meaning::Quarter {
                    number: Some(n),
                    back_a_year: false,
                },
            };
            return Some((j + 2 + extra - i, m, None));
        }
    }
    // "the current quarter": the one the anchor falls in.
    if w.get(i) == "the" && x == "current" && w.get(j + 1) == "quarter" {
        return Some((
            j + 2 - i,
            Meaning::Relative {
                unit: Unit::Quarter,
                step: 0,
            },
            None,
        ));
    }
    if w.get(i) == "the"
        && matches!(x, "latest" | "recent" | "current")
        && matches!(w.get(j + 1), "quarter" | "period")
    {
        return Some((
            j + 2 - i,
            Meaning::Quarter {
                number: None,
                back_a_year: false,
            },
            None,
        ));
    }
    if w.get(i) == "the" && x == "quarter" {
        // "the quarter a year ago": the same quarter of the year before.
        let year_ago = matches!(w.get(j + 1), "a" | "one")
            && w.get(j + 2) == "year"
            && matches!(w.get(j + 3), "ago" | "earlier");
        return Some((
            j + 1 + if year_ago { 3 } else { 0 } - i,
            Meaning::Quarter {
                number: None,
                back_a_year: year_ago,
            },
            None,
        ));
    }
    // Seasons: "last fall", "this summer", "summer 2024", "the early summer"; and weekends.
    let (step, mut k) = match w.get(i) {
        "last" | "past" => (Some(-1), i + 1),
        "this" => (Some(0), i + 1),
        "next" | "coming" => (Some(1), i + 1),
        "the" => (None, i + 1),
        _ => (None, i),
    };
    if w.get(k) == "weekend" && (k > i || i.checked_sub(1).is_some_and(|p| w.get(p) == "over")) {
        return Some((k + 1 - i, Meaning::Weekend(step), None));
    }
    if step.is_none() && matches!(w.get(k), "early" | "late") {
        k += 1;
    }
    if let Some(code) = season(w.get(k)) {
        let (extra, year) = year_after(w, k + 1);
        // A season alone is this year's ("in the summer", "since spring"); "fall" alone is
        // more often the verb.
        if step.is_none() && year.is_none() && (w.get(k) == "fall" && k == i) {
            return None;
        }
        return Some((
            k + 1 + extra - i,
            Meaning::Season {
                code,
                step: step.unwrap_or(0),
                year,
            },
            None,
        ));
    }
    None
}

fn edge_mod(w: &str) -> Option<&'static str> {
    Some(match w {
        "mid" => "MID",
        "early" => "START",
        "late" => "END",
        _ => return None,
    })
}

fn part_after(w: &Words, i: usize) -> Option<&'static str> {
    part_of_day(w.get(i))
}

fn four_digit_year(s: &str) -> Option<i32> {
    (s.len() == 4)
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn year_after(w: &Words, i: usize) -> (usize, Option<i32>) {
    match four_digit_year(w.get(i)) {
        Some(y) => (1, Some(y)),
        None => (0, None),
    }
}

fn year_after_comma(w: &Words, i: usize) -> (usize, Option<i32>) {
    if w.get(i) == "," {
        if let Some(y) = four_digit_year(w.get(i + 1)) {
            return (2, Some(y));
        }
    }
    year_after(w, i)
}

fn iso_date(s: &str) -> Option<String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

fn clock(s: &str) -> Option<(u32, u32)> {
    let (h, m) = match s.split_once(':') {
        Some((h, m)) => (h.parse().ok()?, m.parse().ok()?),
        None => (s.parse().ok()?, 0),
    };
    (h <= 24 && m < 60).then_some((h, m))
}

/// "four years", "24 hours", "a couple of weeks", "several months", "two and a half years".
fn duration(w: &Words, i: usize) -> Option<(usize, Meaning, Option<&'static str>)> {
    let x = w.get(i);
    let (n, len): (String, usize) = if x == "a" && w.get(i + 1) == "couple" && w.get(i + 2) == "of"
    {
        ("2".into(), 3)
    } else if matches!(x, "several" | "few" | "many") || (x == "a" && w.get(i + 1) == "few") {
        ("X".into(), if x == "a" { 2 } else { 1 })
    } else if let Some(n) = number(x) {
        // "twenty four hours": tens and ones written apart.
        let ones = number(w.get(i + 1)).filter(|o| (1..=9).contains(o) && n >= 20 && n % 10 == 0);
        match ones {
            Some(o) => ((n + o).to_string(), 2),
            // A hyphenated "28-year" is one token; "five-year" too.
            None => (n.to_string(), 1),
        }
    } else if let Some((a, b)) = x.split_once('-') {
        if let (Some(n), Some(u)) = (number(a), unit(b)) {
            if u != Unit::Quarter {
                return Some((1, Meaning::Duration(u.duration(&n.to_string())), None));
            }
        }
        return None;
    } else {
        return None;
    };
    // A half more: "5 1/2 hours", "two and a half years".
    let half = if w.get(i + len) == "1/2" || w.get(i + len) == "½" {
        1
    } else if (w.get(i + len), w.get(i + len + 1), w.get(i + len + 2)) == ("1", "/", "2")
        || (w.get(i + len), w.get(i + len + 1), w.get(i + len + 2)) == ("and", "a", "half")
    {
        3
    } else {
        0
    };
    if half > 0 && n != "X" {
        if let Some(u) = unit(w.get(i + len + half)).filter(|&u| u != Unit::Quarter) {
            return Some((
                len + half + 1,
                Meaning::Duration(u.duration_and_a_half(&n)),
                None,
            ));
        }
    }
    let u = unit(w.get(i + len))?;
    if u == Unit::Quarter {
        return None;
    }
    if n != "X"
        && (w.get(i + len + 1), w.get(i + len + 2), w.get(i + len + 3)) == ("and", "a", "half")
    {
        return Some((len + 4, Meaning::Duration(u.duration_and_a_half(&n)), None));
    }
    Some((len + 1, Meaning::Duration(u.duration(&n)), None))
}
