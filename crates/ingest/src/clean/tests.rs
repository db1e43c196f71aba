use super::clean;
use expect_test::{expect, Expect};
use model::ZoneKind;

/// Cleans `input` and renders what came out: metadata, removed lines, and the text with zones marked.
fn check_titled(input: &str, title: Option<&str>, expect: Expect) {
    let c = clean(input, title);
    let mut out = String::new();
    let mut field = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            out.push_str(&format!("{k}: {v}\n"));
        }
    };
    field("title", c.title.clone());
    field("outlet", c.outlet.clone());
    field("byline", c.byline.clone());
    field(
        "dateline",
        c.dateline
            .as_ref()
            .map(|d| format!("{} <- {:?}", d.place, d.raw)),
    );
    field(
        "date",
        c.date
            .as_ref()
            .map(|(d, how, _)| format!("{} ({})", d.iso(), how.as_str())),
    );
    field(
        "credits",
        (!c.credits.is_empty()).then(|| c.credits.join(" | ")),
    );
    for r in &c.removed {
        out.push_str(&format!("removed {}: {}\n", r.kind.as_str(), r.text));
    }
    out.push_str("---\n");
    let base = c.text.as_ptr() as usize;
    for para in c.text.split("\n\n") {
        let start = para.as_ptr() as usize - base;
        let zone = c
            .zones
            .iter()
            .find(|z| z.span.start() <= start && start < z.span.end())
            .map(|z| z.kind);
        let mark = match zone {
            Some(ZoneKind::Summary) => "[summary] ",
            Some(ZoneKind::Heading) => "[heading] ",
            None => "",
        };
        out.push_str(&format!("{mark}{para}\n"));
    }
    expect.assert_eq(&out);
}

fn check(input: &str, expect: Expect) {
    check_titled(input, None, expect)
}

#[test]
fn navigation_crumb_and_repeated_headline_leave_the_text() {
    check(
        "Europe NewsWorld Politics\n\nMayor opens new bridge over the river\n\nMayor opens new bridge over the river\n\nThe mayor opened the new bridge on Monday, two years after work began on it.\n",
        expect![[r#"
            title: Mayor opens new bridge over the river
            removed navigation: Europe NewsWorld Politics
            removed headline: Mayor opens new bridge over the river
            removed headline: Mayor opens new bridge over the river
            ---
            The mayor opened the new bridge on Monday, two years after work began on it.
        "#]],
    );
}

#[test]
fn a_single_headline_line_becomes_the_title() {
    check(
        "Storm closes schools across the region\nSchools across the region were closed on Friday as the storm brought down power lines.\n",
        expect![[r#"
            title: Storm closes schools across the region
            removed headline: Storm closes schools across the region
            ---
            Schools across the region were closed on Friday as the storm brought down power lines.
        "#]],
    );
}

#[test]
fn known_title_is_removed_from_the_text() {
    check_titled(
        "Storm closes schools\n\nSchools across the region were closed on Friday as the storm hit.\n",
        Some("Storm closes schools"),
        expect![[r#"
            title: Storm closes schools
            removed headline: Storm closes schools
            ---
            Schools across the region were closed on Friday as the storm hit.
        "#]],
    );
}

#[test]
fn related_links_and_comment_form_at_the_end_are_removed() {
    check(
        "The council voted on Tuesday to raise the local tax by two percent next year.\nRelated Articles\nCouncil budget row deepens\nNew tax rules explained\nLeave a Reply\nYour email address will not be published. Required fields are marked *\n",
        expect![[r#"
            removed related: Related Articles
            removed related: Council budget row deepens
            removed related: New tax rules explained
            removed furniture: Leave a Reply
            removed furniture: Your email address will not be published. Required fields are marked *
            ---
            The council voted on Tuesday to raise the local tax by two percent next year.
        "#]],
    );
}

#[test]
fn a_reading_header_mid_text_goes_but_the_body_after_it_stays() {
    check(
        "The council voted on Tuesday to raise the local tax by two percent next year.\nFurther Reading\n\n\nThe mayor said the money would go to schools and to repairing roads in the north.\nShare this article\n",
        expect![[r#"
            removed related: Further Reading
            removed furniture: Share this article
            ---
            The council voted on Tuesday to raise the local tax by two percent next year.
            The mayor said the money would go to schools and to repairing roads in the north.
        "#]],
    );
}

#[test]
fn key_points_are_kept_but_marked_as_summary() {
    check(
        "Highlights:\n- The dam burst after a week of rain\n- Hundreds of homes were flooded\nThe dam burst early on Sunday after a week of heavy rain, flooding hundreds of homes downstream.\n",
        expect![[r#"
            ---
            [summary] Highlights:
            [summary] - The dam burst after a week of rain
            [summary] - Hundreds of homes were flooded
            The dam burst early on Sunday after a week of heavy rain, flooding hundreds of homes downstream.
        "#]],
    );
}

#[test]
fn datelines_move_into_metadata() {
    check(
        "BERLIN: The German government agreed a new budget on Wednesday after weeks of talks.",
        expect![[r#"
            dateline: Berlin <- "BERLIN:"
            removed dateline: BERLIN:
            ---
            The German government agreed a new budget on Wednesday after weeks of talks.
        "#]],
    );
    check(
        "LIMA, Peru, March 3 (Agencia) - Peru's congress voted on Monday to remove the minister from office.",
        expect![[r#"
            dateline: Lima, Peru <- "LIMA, Peru, March 3 (Agencia) -"
            date: --03-03 (dateline)
            credits: Agencia
            removed dateline: LIMA, Peru, March 3 (Agencia) -
            ---
            Peru's congress voted on Monday to remove the minister from office.
        "#]],
    );
    check(
        "(Lisbon/Madrid) Portugal and Spain signed a water agreement on Friday after long talks.",
        expect![[r#"
            dateline: Lisbon/Madrid <- "(Lisbon/Madrid)"
            removed dateline: (Lisbon/Madrid)
            ---
            Portugal and Spain signed a water agreement on Friday after long talks.
        "#]],
    );
    // A colon after a name in running text is not a dateline.
    check(
        "Merkel: We will not give up on the talks, she told reporters in the capital on Monday.",
        expect![[r#"
            ---
            Merkel: We will not give up on the talks, she told reporters in the capital on Monday.
        "#]],
    );
}

#[test]
fn outlet_credit_line_and_dated_dateline() {
    check(
        "Harbour City News Network - Oslo\nOslo, Jan 9: Norway's central bank left its interest rate unchanged on Thursday, as expected.",
        expect![[r#"
            outlet: Harbour City News Network
            dateline: Oslo <- "Oslo, Jan 9:"
            date: --01-09 (dateline)
            removed credit: Harbour City News Network - Oslo
            removed dateline: Oslo, Jan 9:
            ---
            Norway's central bank left its interest rate unchanged on Thursday, as expected.
        "#]],
    );
}

#[test]
fn bylines_and_credits_move_into_metadata() {
    check(
        "Rail strike called off\nBy Maria Lopez\nPublished 14 March 2024, 10:32 GMT\nUnions called off the rail strike on Thursday after the company raised its pay offer.\nReporting by Ann Smith; Editing by Tom Brown\n",
        expect![[r#"
            title: Rail strike called off
            byline: Maria Lopez
            date: 2024-03-14 (text)
            credits: Reporting by Ann Smith; Editing by Tom Brown
            removed headline: Rail strike called off
            removed byline: By Maria Lopez
            removed date: Published 14 March 2024, 10:32 GMT
            removed credit: Reporting by Ann Smith; Editing by Tom Brown
            ---
            Unions called off the rail strike on Thursday after the company raised its pay offer.
        "#]],
    );
    // A name alone on the last line is the byline.
    check(
        "Unions called off the rail strike on Thursday after the company raised its pay offer.\n\nJonas de Vries\n",
        expect![[r#"
            byline: Jonas de Vries
            removed byline: Jonas de Vries
            ---
            Unions called off the rail strike on Thursday after the company raised its pay offer.
        "#]],
    );
}

#[test]
fn subheadings_are_marked_and_hard_wrapped_text_is_joined() {
    check(
        "The flood defences held overnight, officials said, but more rain is forecast for the\nweekend and residents have been told to stay alert.\n\nWhat happens next\n\nEngineers will inspect the walls on Monday and report to the council later in the week.\n",
        expect![[r#"
            ---
            The flood defences held overnight, officials said, but more rain is forecast for the weekend and residents have been told to stay alert.
            [heading] What happens next
            Engineers will inspect the walls on Monday and report to the council later in the week.
        "#]],
    );
}

#[test]
fn hostile_markup_stays_as_text() {
    check(
        "The page said <script>alert('x')</script> and nothing else of note, the researchers found.",
        expect![[r#"
            ---
            The page said <script>alert('x')</script> and nothing else of note, the researchers found.
        "#]],
    );
}

#[test]
fn related_headers_and_furniture_in_other_languages_are_removed() {
    check(
        "Der Stadtrat hat am Dienstag den Plan für den Hafen beschlossen, nach einer langen Debatte.\nDas Thema könnte dich auch interessieren:\nHafen: Die wichtigsten Fragen\nNeue Regeln für Fähren\nGefällt mir:\nGefällt mir Wird geladen …\n",
        expect![[r#"
            removed related: Das Thema könnte dich auch interessieren:
            removed related: Hafen: Die wichtigsten Fragen
            removed related: Neue Regeln für Fähren
            removed furniture: Gefällt mir:
            removed furniture: Gefällt mir Wird geladen …
            ---
            Der Stadtrat hat am Dienstag den Plan für den Hafen beschlossen, nach einer langen Debatte.
        "#]],
    );
}

#[test]
fn ad_labels_and_blog_shortcodes_are_furniture() {
    check(
        "The council voted on Tuesday to raise the local tax by two percent next year.\n\nAdvert\n\n[button link=\"/submit\" type=\"big\"] Submit a review\n\nThe vote was close, and the mayor said the money would go to schools.\n",
        expect![[r#"
            removed furniture: Advert
            removed furniture: [button link="/submit" type="big"] Submit a review
            ---
            The council voted on Tuesday to raise the local tax by two percent next year.
            The vote was close, and the mayor said the money would go to schools.
        "#]],
    );
}
