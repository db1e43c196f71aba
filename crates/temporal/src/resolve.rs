//! From what an expression means ("the Tuesday before", "the month after") to a TIMEX3 value,
//! given the anchor date and the tense of the sentence.

use crate::lexicon::{Holiday, Unit};
use crate::TimexKind;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// What an expression says, before the anchor date fixes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// Days from the anchor, with a part of the day: "yesterday", "tonight".
    Days(i64, Option<&'static str>),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    Set(String),
    /// A weekday; `step` is -1 for "last", 0 for "this", 1 for "next", none when bare.
    Weekday {
        day: u32,
        step: Option<i32>,
        part: Option<&'static str>,
        /// A clock time before it: "10 p.m. Monday".
        clock: Option<(u32, u32)>,
    },
    /// The anchor's week, month, year... moved by `step`: "last week", "this year".
    Relative {
        unit: Unit,
        step: i32,
    },
    /// "last October", "next March".
    MonthStep {
        month: u32,
        step: i32,
    },
    Month {
        month: u32,
        year: Option<i32>,
    },
    Date {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    /// A value the words give in full: `2025`, `2025-11-25`, `199` (the 1990s).
    Fixed(String),
    /// A weekend: the last one (-1), this one (0), the next one (1), or "the weekend" (`None`),
    /// which the tense places.
    Weekend(Option<i32>),
    /// Hours and minutes, and whether the time is given in UTC.
    Clock(u32, u32, bool),
    Duration(String),
    /// A duration before the anchor: "two days ago".
    Ago(String),
    /// A quarter of the anchor's year (the latest one before the anchor when no number is
    /// given), or of the year before ("the year-earlier quarter").
    Quarter {
        number: Option<u32>,
        back_a_year: bool,
    },
    /// A quarter of a given year, or of the anchor's year moved by `step`: "the 2023 second
    /// quarter", "next year's first quarter", "last year's quarter" (the number of the latest
    /// quarter that has ended when none is given).
    QuarterIn {
        number: Option<u32>,
        year: Option<i32>,
        step: i32,
    },
    Season {
        code: &'static str,
        step: i32,
        year: Option<i32>,
    },
    Holiday(Holiday),
    /// A weekday and a day of the month: "Sunday (23rd)".
    WeekdayOfMonth {
        day: u32,
        dom: u32,
    },
}

/// The date of a holiday in a given year.
pub fn holiday_date(h: Holiday, year: i32) -> Option<NaiveDate> {
    let nth = |month: u32, weekday: Weekday, n: u8| {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
    };
    let last = |month: u32, weekday: Weekday| {
        (1..=5)
            .rev()
            .find_map(|n| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n))
    };
    match h {
        Holiday::NewYearsDay => NaiveDate::from_ymd_opt(year, 1, 1),
        Holiday::NewYearsEve => NaiveDate::from_ymd_opt(year, 12, 31),
        Holiday::ValentinesDay => NaiveDate::from_ymd_opt(year, 2, 14),
        Holiday::IndependenceDay => NaiveDate::from_ymd_opt(year, 7, 4),
        Holiday::Halloween => NaiveDate::from_ymd_opt(year, 10, 31),
        Holiday::ChristmasEve => NaiveDate::from_ymd_opt(year, 12, 24),
        Holiday::Christmas => NaiveDate::from_ymd_opt(year, 12, 25),
        Holiday::Thanksgiving => nth(11, Weekday::Thu, 4),
        Holiday::LaborDay => nth(9, Weekday::Mon, 1),
        Holiday::MemorialDay => last(5, Weekday::Mon),
        Holiday::Easter => {
            // Anonymous Gregorian computus.
            let (a, b, c) = (year % 19, year / 100, year % 100);
            let (d, e) = (b / 4, b % 4);
            let g = (8 * b + 13) / 25;
            let h = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 19 * l) / 433;
            let month = (h + l - 7 * m + 90) / 25;
            let day = (h + l - 7 * m + 33 * month + 19) % 32;
            NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        }
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn with_part(v: String, part: Option<&str>) -> (TimexKind, String) {
    match part {
        Some(p) => (TimexKind::Time, format!("{v}T{p}")),
        None => (TimexKind::Date, v),
    }
}

fn weekday_of(n: u32) -> Weekday {
    Weekday::try_from((n as u8 + 6) % 7).unwrap_or(Weekday::Mon)
}

/// The nearest date with weekday `day` on or before (`back`) or on or after the anchor.
fn nearest_weekday(anchor: NaiveDate, day: u32, back: bool, strict: bool) -> NaiveDate {
    let want = weekday_of(day);
    let mut d = anchor;
    if strict {
        d = if back {
            d - Duration::days(1)
        } else {
            d + Duration::days(1)
        };
    }
    while d.weekday() != want {
        d = if back {
            d - Duration::days(1)
        } else {
            d + Duration::days(1)
        };
    }
    d
}

/// A month/day this far from the anchor on the tense's side ...
const FAR_DAYS: i64 = 183;
/// ... gives way to one within a month on the other side.
const NEAR_DAYS: i64 = 30;

/// The year in which month/day falls, seen from the anchor: the nearest occurrence on the
/// side the tense gives; with no tense, the nearest occurrence, and the nearest on the other
/// side of the anchor as the other reading when it is within half a year too.
fn year_for(anchor: NaiveDate, month: u32, day: u32, tense: Tense) -> (i32, Option<i32>) {
    let y = anchor.year();
    let day_of = |year: i32| {
        NaiveDate::from_ymd_opt(year, month, day.clamp(1, 28))
            .map_or(i64::MAX, |d| (d - anchor).num_days())
    };
    let mut years: Vec<(i64, i32)> = (y - 1..=y + 1).map(|yy| (day_of(yy), yy)).collect();
    years.retain(|&(d, _)| d != i64::MAX);
    let side = |past: bool| {
        years
            .iter()
            .filter(|&&(d, _)| if past { d <= 0 } else { d >= 0 })
            .min_by_key(|&&(d, _)| d.abs())
            .map(|&(_, yy)| yy)
    };
    // The tense picks the side, unless that puts the date most of a year away while the
    // other side has it within weeks ("announced ... that he must return by Jan. 14", a week
    // ahead): the tense is read from nearby words and is wrong more often than that.
    let sided = |past: bool| {
        let chosen = side(past).unwrap_or(y);
        match side(!past) {
            Some(o) if day_of(chosen).abs() > FAR_DAYS && day_of(o).abs() <= NEAR_DAYS => o,
            _ => chosen,
        }
    };
    match tense {
        Tense::Past => (sided(true), None),
        Tense::Future => (sided(false), None),
        Tense::Unknown => {
            let Some(&(_, nearest)) = years.iter().min_by_key(|&&(d, _)| d.abs()) else {
                return (y, None);
            };
            let near_past = day_of(nearest) <= 0;
            let other = side(!near_past).filter(|&o| o != nearest && day_of(o).abs() <= 183);
            (nearest, other)
        }
    }
}

/// Shifts `anchor` back by a duration like `P2D`, `P3W`, `P1M`, `P5Y`, giving the value at the
/// duration's granularity; `None` when the amount is not a number.
fn before(anchor: NaiveDate, d: &str) -> Option<String> {
    let body = d.strip_prefix('P')?;
    if body.starts_with('T') {
        return Some(date(anchor));
    }
    let unit = body.chars().last()?;
    let n: i64 = body[..body.len() - 1].parse().ok()?;
    Some(match unit {
        'D' => date(anchor.checked_sub_signed(Duration::try_days(n)?)?),
        'W' => date(anchor.checked_sub_signed(Duration::try_weeks(n)?)?),
        'M' => {
            let total = anchor.year() as i64 * 12 + anchor.month0() as i64 - n;
            format!(
                "{:04}-{:02}",
                total.div_euclid(12),
                total.rem_euclid(12) + 1
            )
        }
        'Y' => format!("{:04}", anchor.year() as i64 - n),
        'E' if body.ends_with("DE") => {
            let n: i64 = body[..body.len() - 2].parse().ok()?;
            format!("{:04}", anchor.year() as i64 - 10 * n)
        }
        _ => return None,
    })
}

/// The TIMEX3 kind, value and other readings of a meaning.
pub fn resolve(
    m: &Meaning,
    anchor: Option<NaiveDate>,
    tense: Tense,
) -> (TimexKind, String, Vec<String>) {
    let none = Vec::new;
    match (m, anchor) {
        (Meaning::Ref(r), _) => (TimexKind::Date, (*r).to_string(), none()),
        (Meaning::Set(s), _) => (TimexKind::Set, s.clone(), none()),
        (Meaning::Duration(d), _) => (TimexKind::Duration, d.clone(), none()),
        (Meaning::Fixed(v), _) => (TimexKind::Date, v.clone(), none()),
        (Meaning::Days(n, part), Some(a)) => {
            let (k, v) = with_part(date(a + Duration::days(*n)), *part);
            (k, v, none())
        }
        (Meaning::Days(n, part), None) => {
            let r = match n.signum() {
                0 => "PRESENT_REF",
                -1 => "PAST_REF",
                _ => "FUTURE_REF",
            };
            let (k, v) = with_part(r.to_string(), *part);
            (k, v, none())
        }
        (
            Meaning::Weekday {
                day,
                step,
                part,
                clock,
            },
            Some(a),
        ) => {
            let (d, other) = match (step, tense) {
                (Some(-1), _) => (nearest_weekday(a, *day, true, true), None),
                (Some(1), _) => (nearest_weekday(a, *day, false, true), None),
                (Some(_), _) => {
                    let monday = a - Duration::days(a.weekday().num_days_from_monday() as i64);
                    (monday + Duration::days(*day as i64 - 1), None)
                }
                (None, Tense::Past) => (nearest_weekday(a, *day, true, false), None),
                (None, Tense::Future) => (nearest_weekday(a, *day, false, false), None),
                (None, Tense::Unknown) => {
                    let back = nearest_weekday(a, *day, true, false);
                    let ahead = nearest_weekday(a, *day, false, false);
                    if back == ahead {
                        (back, None)
                    } else {
                        (back, Some(ahead))
                    }
                }
            };
            let value = |d: NaiveDate| match clock {
                Some((h, m)) => (TimexKind::Time, format!("{}T{h:02}:{m:02}", date(d))),
                None => with_part(date(d), *part),
            };
            let (k, v) = value(d);
            let alt = other.map(|o| value(o).1).into_iter().collect();
            (k, v, alt)
        }
        (Meaning::Weekday { day, part, .. }, None) => {
            let (k, v) = with_part(format!("XXXX-WXX-{day}"), *part);
            (k, v, none())
        }
        // "the past decade", "the last century": the stretch of years just gone, not a
        // calendar decade.
        (
            Meaning::Relative {
                unit: unit @ (Unit::Decade | Unit::Century),
                step: -1,
            },
            _,
        ) => (TimexKind::Duration, unit.duration("1"), none()),
        (Meaning::Relative { unit, step }, Some(a)) => {
            let s = *step as i64;
            let v = match unit {
                Unit::Day => date(a + Duration::days(s)),
                Unit::Week => {
                    let w = (a + Duration::weeks(s)).iso_week();
                    format!("{:04}-W{:02}", w.year(), w.week())
                }
                Unit::Month => {
                    let total = a.year() as i64 * 12 + a.month0() as i64 + s;
                    format!(
                        "{:04}-{:02}",
                        total.div_euclid(12),
                        total.rem_euclid(12) + 1
                    )
                }
                Unit::Quarter => {
                    let q = a.year() as i64 * 4 + a.month0() as i64 / 3 + s;
                    format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
                }
                Unit::Decade => format!("{:03}", (a.year() as i64 + 10 * s) / 10),
                Unit::Century => format!("{:02}", (a.year() as i64 + 100 * s) / 100),
                _ => format!("{:04}", a.year() as i64 + s),
            };
            (TimexKind::Date, v, none())
        }
        (Meaning::Relative { step, .. }, None) => {
            let r = match step.signum() {
                0 => "PRESENT_REF",
                -1 => "PAST_REF",
                _ => "FUTURE_REF",
            };
            (TimexKind::Date, r.to_string(), none())
        }
        (Meaning::MonthStep { month, step }, Some(a)) => {
            let y = match step.signum() {
                -1 if *month >= a.month() => a.year() - 1,
                1 if *month <= a.month() => a.year() + 1,
                _ => a.year(),
            };
            (TimexKind::Date, format!("{y:04}-{month:02}"), none())
        }
        (Meaning::MonthStep { month, .. }, None) => {
            (TimexKind::Date, format!("XXXX-{month:02}"), none())
        }
        (
            Meaning::Month {
                month,
                year: Some(y),
            },
            _,
        ) => (TimexKind::Date, format!("{y:04}-{month:02}"), none()),
        (Meaning::Month { month, year: None }, Some(a)) => {
            // A month reads against the anchor's month, not its day.
            let t = if *month == a.month() {
                Tense::Past
            } else {
                tense
            };
            let (y, other) = year_for(a, *month, 1, t);
            let alt = other
                .map(|o| format!("{o:04}-{month:02}"))
                .into_iter()
                .collect();
            (TimexKind::Date, format!("{y:04}-{month:02}"), alt)
        }
        (Meaning::Month { month, year: None }, None) => {
            (TimexKind::Date, format!("XXXX-{month:02}"), none())
        }
        (
            Meaning::Date {
                month,
                day,
                year: Some(y),
            },
            _,
        ) => (
            TimexKind::Date,
            format!("{y:04}-{month:02}-{day:02}"),
            none(),
        ),
        (
            Meaning::Date {
                month,
                day,
                year: None,
            },
            Some(a),
        ) => {
            let (y, other) = year_for(a, *month, *day, tense);
            let alt = other
                .map(|o| format!("{o:04}-{month:02}-{day:02}"))
                .into_iter()
                .collect();
            (TimexKind::Date, format!("{y:04}-{month:02}-{day:02}"), alt)
        }
        (
            Meaning::Date {
                month,
                day,
                year: None,
            },
            None,
        ) => (TimexKind::Date, format!("XXXX-{month:02}-{day:02}"), none()),
        (Meaning::Clock(h, m, utc), a) => {
            let d = a.map_or_else(|| "XXXX-XX-XX".to_string(), date);
            let zone = if *utc { "Z" } else { "" };
            (TimexKind::Time, format!("{d}T{h:02}:{m:02}{zone}"), none())
        }
        (Meaning::Ago(d), Some(a)) => (
            TimexKind::Date,
            before(a, d).unwrap_or_else(|| "PAST_REF".to_string()),
            none(),
        ),
        (Meaning::Ago(_), None) => (TimexKind::Date, "PAST_REF".to_string(), none()),
        (
            Meaning::Quarter {
                number,
                back_a_year,
            },
            Some(a),
        ) => {
            let current = a.month0() / 3 + 1;
            let (mut y, q) = match number {
                Some(n) if *n > current => (a.year() - 1, *n),
                Some(n) => (a.year(), *n),
                // The latest quarter that has ended.
                None if current == 1 => (a.year() - 1, 4),
                None => (a.year(), current - 1),
            };
            if *back_a_year {
                y -= 1;
            }
            (TimexKind::Date, format!("{y:04}-Q{q}"), none())
        }
        (Meaning::QuarterIn { number, year, step }, a) => {
            let q = number.or_else(|| a.map(|a| (a.month0() / 3 + 3) % 4 + 1));
            let y = year.or_else(|| a.map(|a| a.year() + step));
            let v = match (y, q) {
                (Some(y), Some(q)) => format!("{y:04}-Q{q}"),
                (Some(y), None) => format!("{y:04}-QX"),
                (None, Some(q)) => format!("XXXX-Q{q}"),
                (None, None) => "XXXX-QX".to_string(),
            };
            (TimexKind::Date, v, none())
        }
        (Meaning::Quarter { number, .. }, None) => {
            let q = number.map_or("X".to_string(), |n| n.to_string());
            (TimexKind::Date, format!("XXXX-Q{q}"), none())
        }
        (Meaning::WeekdayOfMonth { day, dom }, Some(a)) => {
            // The nearest date, within a year either way, that is that weekday and that day.
            let found = (0..=366)
                .flat_map(|n| [a - Duration::days(n), a + Duration::days(n)])
                .find(|d| d.day() == *dom && d.weekday().number_from_monday() == *day);
            let v = found.map_or_else(|| format!("XXXX-XX-{dom:02}"), date);
            (TimexKind::Date, v, none())
        }
        (Meaning::WeekdayOfMonth { dom, .. }, None) => {
            (TimexKind::Date, format!("XXXX-XX-{dom:02}"), none())
        }
        (Meaning::Holiday(h), Some(a)) => {
            // The occurrence the tense points to, else the nearest one.
            let dates: Vec<NaiveDate> = (a.year() - 1..=a.year() + 1)
                .filter_map(|y| holiday_date(*h, y))
                .collect();
            let pick = |ok: &dyn Fn(&NaiveDate) -> bool| {
                dates
                    .iter()
                    .filter(|d| ok(d))
                    .min_by_key(|d| (**d - a).num_days().abs())
                    .copied()
            };
            // Holidays are named ahead of time and looked back on alike ("flew home for
            // Thanksgiving"): the nearest one, whatever the tense.
            let d = pick(&|_| true);
            let v = d.map_or_else(|| "XXXX-XX-XX".to_string(), date);
            (TimexKind::Date, v, none())
        }
        (Meaning::Holiday(h), None) => {
            // Fixed-date holidays keep month and day; the others only what any year shares.
            let v = holiday_date(*h, 2001).map_or("XXXX-XX-XX".to_string(), |d| {
                if matches!(
                    h,
                    Holiday::Thanksgiving
                        | Holiday::Easter
                        | Holiday::LaborDay
                        | Holiday::MemorialDay
                ) {
                    format!("XXXX-{:02}-XX", d.month())
                } else {
                    format!("XXXX-{:02}-{:02}", d.month(), d.day())
                }
            });
            (TimexKind::Date, v, none())
        }
        (Meaning::Weekend(step), Some(a)) => {
            use chrono::Datelike;
            let wd = a.weekday().num_days_from_monday() as i64; // Saturday is 5
            let on_weekend = wd >= 5;
            // The Saturday of the weekend the anchor is in or has just had, and the next one.
            let before = a - Duration::days((wd - 5).rem_euclid(7));
            let after = if on_weekend {
                before
            } else {
                before + Duration::days(7)
            };
            let sat = match step {
                Some(-1) if on_weekend => before - Duration::days(7),
                // "next weekend", said on a weekend: the one after it.
                Some(1) if on_weekend => before + Duration::days(7),
                Some(-1) => before,
                Some(0) if on_weekend => before,
                Some(0) | None if tense == Tense::Past => before,
                Some(0) => after,
                None if tense == Tense::Future => after,
                None => before,
                Some(_) => after,
            };
            let w = sat.iso_week();
            (
                TimexKind::Date,
                format!("{:04}-W{:02}-WE", w.year(), w.week()),
                none(),
            )
        }
        (Meaning::Weekend(_), None) => (TimexKind::Date, "XXXX-WXX-WE".to_string(), none()),
        (Meaning::Season { code, step, year }, a) => {
            let y = match (year, a) {
                (Some(y), _) => format!("{y:04}"),
                (None, Some(a)) => format!("{:04}", a.year() + step),
                (None, None) => "XXXX".to_string(),
            };
            (TimexKind::Date, format!("{y}-{code}"), none())
        }
    }
}
