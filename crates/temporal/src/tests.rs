use crate::timexes;
use chrono::NaiveDate;
use expect_test::{expect, Expect};

/// Renders the text with each time expression marked as `[words]{KIND value}`, alternatives
/// after a `|`, modifiers after a `~`; `anchor` is the publication date.
fn check(anchor: Option<&str>, text: &str, expect: Expect) {
    let anchor = anchor.map(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").unwrap());
    let tokens = nlp::tokenize(text);
    let sentences = nlp::sentences(text, &tokens);
    let mut out = String::new();
    let mut at = 0;
    for t in timexes(text, &tokens, &sentences, anchor) {
        out.push_str(&text[at..t.span.start()]);
        let mut v = t.value.clone();
        for a in &t.alternatives {
            v.push_str(&format!("|{a}"));
        }
        if let Some(m) = t.modifier {
            v.push_str(&format!("~{m}"));
        }
        out.push_str(&format!(
            "[{}]{{{} {v}}}",
            &text[t.span.range()],
            t.kind.as_str()
        ));
        at = t.span.end();
    }
    out.push_str(&text[at..]);
    expect.assert_eq(&out);
}

#[test]
fn weekdays_follow_the_tense() {
    // 2025-11-26 is a Wednesday.
    check(
        Some("2025-11-26"),
        "Peskov said on Tuesday the envoy will travel on Tuesday. Talks are on Friday.",
        expect!["Peskov said on [Tuesday]{DATE 2025-11-25} the envoy will travel on [Tuesday]{DATE 2025-12-02}. Talks are on [Friday]{DATE 2025-11-21|2025-11-28}."],
    );
    check(
        Some("2025-11-26"),
        "He flew out last Tuesday and returns next Monday; they met Tuesday night.",
        expect!["He flew out [last Tuesday]{DATE 2025-11-25} and returns [next Monday]{DATE 2025-12-01}; they met [Tuesday night]{TIME 2025-11-25TNI}."],
    );
    // A clock time with its weekday: the weekday says which day.
    check(
        Some("2025-11-26"),
        "The vote closed at 10 p.m. Monday. The count will start at 9 a.m. on Friday.",
        expect!["The vote closed at [10 p.m. Monday]{TIME 2025-11-24T22:00}. The count will start at [9 a.m. on Friday]{TIME 2025-11-28T09:00}."],
    );
}

#[test]
fn relative_days_weeks_months_and_years() {
    check(
        Some("2025-11-26"),
        "Yesterday and today, not tomorrow. Last week, this month, next year; earlier this month a week ago, two days ago.",
        expect!["[Yesterday]{DATE 2025-11-25} and [today]{DATE 2025-11-26}, not [tomorrow]{DATE 2025-11-27}. [Last week]{DATE 2025-W47}, [this month]{DATE 2025-11}, [next year]{DATE 2026}; [earlier this month]{DATE 2025-11} [a week ago]{DATE 2025-11-19}, [two days ago]{DATE 2025-11-24}."],
    );
}

#[test]
fn calendar_dates_months_and_years() {
    check(
        Some("2025-11-26"),
        "On October 14th he called; talks resume on Dec. 3. They were held in June and in mid-January 2024, after 25 November 2025.",
        expect!["On [October 14th]{DATE 2025-10-14} he called; talks resume on [Dec. 3]{DATE 2025-12-03}. They were held in [June]{DATE 2025-06} and in [mid-January 2024]{DATE 2024-01~MID}, after [25 November 2025]{DATE 2025-11-25}."],
    );
    check(
        None,
        "Talks resume on October 14 and on Tuesday.",
        expect!["Talks resume on [October 14]{DATE XXXX-10-14} and on [Tuesday]{DATE XXXX-WXX-2}."],
    );
}

#[test]
fn durations_sets_and_vague_references() {
    check(
        Some("2025-11-26"),
        "The war has lasted nearly four years; a deal within 24 hours is unlikely. They meet every week, now as recently.",
        expect!["The war has lasted [nearly four years]{DURATION P4Y~EQUAL_OR_LESS}; a deal [within 24 hours]{DURATION PT24H} is unlikely. They meet [every week]{SET P1W}, [now]{DATE PRESENT_REF} as [recently]{DATE PAST_REF}."],
    );
}

#[test]
fn plans_look_ahead_and_passives_are_not_pasts() {
    // 2025-11-26 is a Wednesday.
    check(
        Some("2025-11-26"),
        "The team planned to leave on Thursday. The vote was postponed until Monday. She will be named captain in March. Trading is to resume Tuesday.",
        expect!["The team planned to leave on [Thursday]{DATE 2025-11-27}. The vote was postponed until [Monday]{DATE 2025-12-01}. She will be named captain in [March]{DATE 2026-03}. Trading is to resume [Tuesday]{DATE 2025-12-02}."],
    );
    check(
        Some("2025-11-26"),
        "In March, the firm brought in a new chief. It has been on patrol since June.",
        expect!["In [March]{DATE 2025-03}, the firm brought in a new chief. It has been on patrol since [June]{DATE 2025-06}."],
    );
}

#[test]
fn halves_and_numbers_written_apart() {
    check(
        Some("2025-11-26"),
        "The flight took 5 1/2 hours, the talks two and a half years, the search twenty four hours.",
        expect!["The flight took [5 1/2 hours]{DURATION PT5H30M}, the talks [two and a half years]{DURATION P2Y6M}, the search [twenty four hours]{DURATION PT24H}."],
    );
}

#[test]
fn weekends_seasons_decades_and_utc_times() {
    // 2025-11-26 is a Wednesday; the weekend before it is in ISO week 47.
    check(
        Some("2025-11-26"),
        "Talks ran over the weekend. They will resume this weekend. Sales fell in the summer and over the past decade, as in the 80s. The launch is at 18:00 UTC, or 0900 GMT.",
        expect!["Talks ran over [the weekend]{DATE 2025-W47-WE}. They will resume [this weekend]{DATE 2025-W48-WE}. Sales fell in [the summer]{DATE 2025-SU} and over the [past decade]{DURATION P10Y}, as in the [80s]{DATE 198}. The launch is at [18:00 UTC]{TIME 2025-11-26T18:00Z}, or [0900 GMT]{TIME 2025-11-26T09:00Z}."],
    );
    // 2025-11-29 is a Saturday: this weekend is week 48's, next weekend week 49's.
    check(
        Some("2025-11-29"),
        "The fair opens this weekend and closes next weekend.",
        expect!["The fair opens [this weekend]{DATE 2025-W48-WE} and closes [next weekend]{DATE 2025-W49-WE}."],
    );
}

#[test]
fn a_year_earlier_beside_a_quarter_is_that_quarter() {
    check(
        Some("2025-10-30"),
        "Third-quarter profit rose to $5 million from $3 million a year earlier. Sales fell last year.",
        expect!["[Third-quarter]{DATE 2025-Q3} profit rose to $5 million from $3 million [a year earlier]{DATE 2024-Q3}. Sales fell [last year]{DATE 2024}."],
    );
    // A payment date looks ahead even after a past verb.
    check(
        Some("2025-11-02"),
        "The bank lowered its payout, payable March 5 to owners of shares on Feb. 20.",
        expect!["The bank lowered its payout, payable [March 5]{DATE 2026-03-05} to owners of shares on [Feb. 20]{DATE 2026-02-20}."],
    );
    // A quarter after its year, the quarter a year ago, and the current quarter.
    check(
        Some("2025-10-30"),
        "Profit beat the 2023 second quarter and last year's quarter, and next year's first quarter looks weaker than the quarter a year ago. The current quarter is slow.",
        expect!["Profit beat [the 2023 second quarter]{DATE 2023-Q2} and [last year's quarter]{DATE 2024-Q3}, and [next year's first quarter]{DATE 2026-Q1} looks weaker than [the quarter a year ago]{DATE 2024-Q3}. [The current quarter]{DATE 2025-Q4} is slow."],
    );
}

/// Renders one line per calendar inconsistency: the words, then what is wrong.
fn check_calendar(anchor: &str, text: &str, expect: Expect) {
    let anchor = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").ok();
    let tokens = nlp::tokenize(text);
    let sentences = nlp::sentences(text, &tokens);
    let times = timexes(text, &tokens, &sentences, anchor);
    let out: Vec<String> = crate::calendar_checks(text, &times, anchor)
        .iter()
        .map(|n| format!("{}: {}", &text[n.span.range()], n.message))
        .collect();
    expect.assert_eq(&out.join("\n"));
}

#[test]
fn weekdays_and_holidays_that_do_not_fit_their_dates() {
    check_calendar(
        "2025-11-26",
        "He wanted a deal by Thursday (October 27th), the Thanksgiving holiday. \
         They met on Tuesday (November 25) and will meet again on Thursday, November 27, Thanksgiving. \
         The envoy arrived on December 3, 2025.",
        expect![[r#"
            Thursday (October 27th): Thursday does not match 2025-10-27, which is a Monday
            October 27th), the Thanksgiving: Thanksgiving falls on 2025-11-27 in 2025, not on 2025-10-27
            December 3, 2025: 2025-12-03 is told in the past tense but falls after the publication date 2025-11-26"#]],
    );
}

#[test]
fn holidays_are_dates() {
    check(
        Some("2025-11-26"),
        "He flies to Florida for Thanksgiving and returns after Christmas; Easter 2026 is late. \
         Strikes hit the city on Sunday (23rd).",
        expect!["He flies to Florida for [Thanksgiving]{DATE 2025-11-27} and returns after [Christmas]{DATE 2025-12-25}; [Easter 2026]{DATE 2026-04-05} is late. Strikes hit the city on [Sunday (23rd)]{DATE 2025-11-23}."],
    );
}

/// Renders the year read from the text, or nothing.
fn check_year(now: &str, text: &str, expect: Expect) {
    let now = NaiveDate::parse_from_str(now, "%Y-%m-%d").unwrap();
    let tokens = nlp::tokenize(text);
    let sentences = nlp::sentences(text, &tokens);
    let times = timexes(text, &tokens, &sentences, None);
    let out = crate::infer_year(text, &times, now).map_or("none".to_string(), |y| {
        format!(
            "{} from {:?} ({} of {} pairs)",
            y.year,
            &text[y.span.range()],
            y.agreeing,
            y.pairs
        )
    });
    expect.assert_eq(&out);
}

#[test]
fn a_weekday_beside_a_date_gives_the_year() {
    check_year(
        "2026-11-22",
        "On Tuesday (November 25), the envoy said talks went well. A deal was due by Thursday (October 27th).",
        expect![[r#"2025 from "Tuesday (November 25)" (1 of 2 pairs)"#]],
    );
    check_year("2026-11-22", "Talks resume on Tuesday.", expect!["none"]);
}

#[test]
fn absurd_amounts_do_not_break_date_arithmetic() {
    check(
        Some("2025-11-26"),
        "It happened 4000000000 days ago, or 99999999 weeks ago.",
        expect!["It happened [4000000000 days ago]{DATE PAST_REF}, or [99999999 weeks ago]{DATE PAST_REF}."],
    );
}

#[test]
fn a_weekday_with_its_date_is_one_date_and_a_near_date_beats_a_far_tense() {
    // "Monday, Oct. 26" is the date; a wrong weekday beside it is a finding. A deadline a week
    // ahead stays ahead even when the sentence's verb is past; one seven weeks back stays back.
    check(
        Some("1998-10-28"),
        "The vote on Monday, Oct. 26, was close. Officials announced that he must return by Nov. 3. The plan was submitted in mid-September.",
        expect!["The vote on [Monday, Oct. 26]{DATE 1998-10-26}, was close. Officials announced that he must return by [Nov. 3]{DATE 1998-11-03}. The plan was submitted in [mid-September]{DATE 1998-09~MID}."],
    );
    check_calendar(
        "1998-10-28",
        "The vote on Tuesday, Oct. 26, was close.",
        expect!["Tuesday, Oct. 26: Tuesday does not match 1998-10-26, which is a Monday"],
    );
}
