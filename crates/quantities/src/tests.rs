use crate::quantities;
use expect_test::{expect, Expect};

/// Renders each quantity as `[words]{qualifier value[-high] unit | counted | event @ place}`,
/// with `-` for what the sentence does not say.
fn check(text: &str, expect: Expect) {
    let layers = nlp::annotate(text);
    let tokens = &layers.tokens;
    let times: Vec<_> = temporal_free_spans(text, tokens);
    let mut out = String::new();
    let mut at = 0;
    for q in quantities(text, &layers, &times) {
        out.push_str(&text[at..q.span.start()]);
        let show =
            |s: Option<model::Span>| s.map_or("-".to_string(), |s| text[s.range()].to_string());
        let high = q.high.map_or(String::new(), |h| format!("-{h}"));
        let unit = q
            .unit
            .as_ref()
            .map_or(String::new(), |u| format!(" {}", u.as_str()));
        out.push_str(&format!(
            "[{}]{{{} {}{high}{unit} | {} | {} @ {}}}",
            &text[q.span.range()],
            q.qualifier.as_str(),
            q.value,
            show(q.counted),
            show(q.event),
            show(q.place),
        ));
        at = q.span.end();
    }
    out.push_str(&text[at..]);
    expect.assert_eq(&out);
}

/// Years stand in for the time layer here (this crate does not depend on it): four-digit
/// numbers between 1900 and 2100 are excluded, as the time layer would claim them.
fn temporal_free_spans(text: &str, tokens: &[nlp::Token]) -> Vec<model::Span> {
    tokens
        .iter()
        .filter(|t| {
            t.text(text)
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y))
        })
        .map(|t| t.span)
        .collect()
}

#[test]
fn counts_with_qualifiers_events_and_places() {
    check(
        "At least seven people were wounded in Zaporizhzhia, while 18 wounded were counted in Kharkiv.",
        expect!["[At least seven]{at least 7 | people | wounded @ Zaporizhzhia} people were wounded in Zaporizhzhia, while [18]{exact 18 | - | wounded @ Kharkiv} wounded were counted in Kharkiv."],
    );
    check(
        "Russia fired nearly 500 drones and struck more than 20 apartment blocks.",
        expect!["Russia fired [nearly 500]{nearly 500 | drones | fired @ -} drones and struck [more than 20]{more than 20 | apartment blocks | - @ -} apartment blocks."],
    );
}

#[test]
fn numbers_in_words_digits_scales_and_ranges() {
    check(
        "Some 1.2 million people fled; from 600,000 to 800,000 stayed, and two hundred soldiers left in 2024.",
        expect!["[Some 1.2 million]{about 1200000 | people | fled @ -} people fled; [from 600,000 to 800,000]{exact 600000-800000 | - | stayed @ -} stayed, and [two hundred]{exact 200 | soldiers | left @ -} soldiers left in 2024."],
    );
    check(
        "A dozen officials and up to 3,000 troops; between five and seven members voted.",
        expect!["[A dozen]{exact 12 | officials | - @ -} officials and [up to 3,000]{up to 3000 | troops | - @ -} troops; [between five and seven]{exact 5-7 | members | voted @ -} members voted."],
    );
}

#[test]
fn shares_percentages_and_money() {
    check(
        "Around a fifth of voters, more than 19% of members and 45 percent of men backed a $1.2 billion plan worth €300m.",
        expect!["[Around a fifth]{about 20 percent | voters | - @ -} of voters, [more than 19%]{more than 19 percent | members | - @ -} of members and [45 percent]{exact 45 percent | men | backed @ -} of men backed a [$1.2 billion]{exact 1200000000 USD | plan | - @ -} plan worth [€300m]{exact 300000000 EUR | - | - @ -}."],
    );
}

#[test]
fn pronoun_one_and_bare_number_words_are_not_counts() {
    check(
        "No one knew, and one of them said the two would meet; one in five agreed. Tens of thousands of civilians and one of the key issues.",
        expect!["No one knew, and one of them said the two would meet; [one in five]{exact 20 percent | - | agreed @ -} agreed. [Tens of thousands]{at least 20000 | civilians | - @ -} of civilians and one of the key issues."],
    );
}
