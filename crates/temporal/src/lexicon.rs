//! General words of time: months, weekdays, units, number words, parts of the day.

pub fn month(w: &str) -> Option<u32> {
    model::calendar::month_number(w)
}

/// Monday is 1, as ISO 8601 counts.
pub fn weekday(w: &str) -> Option<u32> {
    model::calendar::weekday_number(w)
}

/// Calendar units, singular or plural, with their TIMEX3 letter and whether they are clock units.
pub fn unit(w: &str) -> Option<Unit> {
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "year" | "yr" => Unit::Year,
        "month" | "mo" => Unit::Month,
        "week" | "wk" => Unit::Week,
        "day" => Unit::Day,
        "hour" | "hr" => Unit::Hour,
        "minute" | "min" => Unit::Minute,
        "second" | "sec" => Unit::Second,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        "quarter" => Unit::Quarter,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Quarter,
}

impl Unit {
    /// Years in a decade or a century.
    fn years(self) -> Option<u32> {
        match self {
            Unit::Decade => Some(10),
            Unit::Century => Some(100),
            _ => None,
        }
    }

    /// The duration value for `n` and a half of this unit, in the next smaller unit where
    /// the half is whole: `P2Y6M`, `PT5H30M`, `PT1M30S`; in tenths otherwise (`P1.5W`).
    pub fn duration_and_a_half(self, n: &str) -> String {
        match self {
            Unit::Year => format!("P{n}Y6M"),
            Unit::Month => format!("P{n}M15D"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Decade | Unit::Century => match (self.years(), n.parse::<u32>()) {
                (Some(y), Ok(v)) => format!("P{}Y", v * y + y / 2),
                _ => self.duration(&format!("{n}.5")),
            },
            _ => self.duration(&format!("{n}.5")),
        }
    }

    /// The duration value for `n` of this unit: `P4Y`, `PT24H`.
    pub fn duration(self, n: &str) -> String {
        match self {
            Unit::Year => format!("P{n}Y"),
            Unit::Month => format!("P{n}M"),
            Unit::Week => format!("P{n}W"),
            Unit::Day => format!("P{n}D"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Minute => format!("PT{n}M"),
            Unit::Second => format!("PT{n}S"),
            // Decades and centuries counted in years, as news annotation writes them.
            Unit::Decade | Unit::Century => match (self.years(), n.parse::<u32>()) {
                (Some(y), Ok(v)) => format!("P{}Y", v * y),
                _ if self == Unit::Decade => format!("P{n}DE"),
                _ => format!("P{n}CE"),
            },
            Unit::Quarter => format!("P{n}Q"),
        }
    }
}

/// Number words up to ninety-nine, "a", "dozen", "hundred", and digits.
pub fn number(w: &str) -> Option<u32> {
    nlp::numbers::cardinal(w)
}

/// Ordinal day numbers: `14th`, `1st`, `twenty-third` is not covered.
pub fn ordinal(w: &str) -> Option<u32> {
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))?;
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Parts of the day and their TIMEX3 codes.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        "midday" | "noon" => "MI",
        _ => return None,
    })
}

/// Words that put a number of units roughly: the TIMEX3 `mod` they give.
pub fn modifier(w: &str) -> Option<&'static str> {
    Some(match w {
        "nearly" | "almost" => "EQUAL_OR_LESS",
        "about" | "around" | "roughly" | "approximately" | "some" => "APPROX",
        "over" | "more" => "MORE_THAN",
        "under" | "less" => "LESS_THAN",
        "at" => "EQUAL_OR_MORE",
        _ => return None,
    })
}

/// Holidays whose date a rule gives, by their usual English names (one or more words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYearsDay,
    NewYearsEve,
    ValentinesDay,
    Easter,
    MemorialDay,
    IndependenceDay,
    LaborDay,
    Halloween,
    Thanksgiving,
    ChristmasEve,
    Christmas,
}

/// The holiday named by the words starting at `words[0]`, and how many words the name takes.
pub fn holiday(words: &[&str]) -> Option<(Holiday, usize)> {
    let w = |i: usize| words.get(i).copied().unwrap_or("");
    let day = |i: usize| usize::from(w(i) == "day");
    Some(match w(0) {
        "thanksgiving" => (Holiday::Thanksgiving, 1 + day(1)),
        "christmas" if w(1) == "eve" => (Holiday::ChristmasEve, 2),
        "christmas" => (Holiday::Christmas, 1 + day(1)),
        "halloween" => (Holiday::Halloween, 1),
        "easter" => (Holiday::Easter, 1 + usize::from(w(1) == "sunday")),
        "new" if w(1) == "year's" || (w(1) == "year" && w(2) == "'s") => {
            let n = if w(1) == "year" { 3 } else { 2 };
            match w(n) {
                "eve" => (Holiday::NewYearsEve, n + 1),
                "day" => (Holiday::NewYearsDay, n + 1),
                _ => return None,
            }
        }
        "valentine's" if w(1) == "day" => (Holiday::ValentinesDay, 2),
        "valentine" if w(1) == "'s" && w(2) == "day" => (Holiday::ValentinesDay, 3),
        "independence" if w(1) == "day" => (Holiday::IndependenceDay, 2),
        "labor" | "labour" if w(1) == "day" => (Holiday::LaborDay, 2),
        "memorial" if w(1) == "day" => (Holiday::MemorialDay, 2),
        _ => return None,
    })
}
