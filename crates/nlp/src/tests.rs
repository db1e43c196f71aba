use crate::{sentences, tokenize};
use expect_test::{expect, Expect};

/// Renders tokens as `[token]` pieces with kinds for anything that is not a word.
fn check_tokens(text: &str, expect: Expect) {
    let toks = tokenize(text);
    let out: Vec<String> = toks
        .iter()
        .map(|t| match t.kind {
            crate::TokenKind::Word => format!("[{}]", t.text(text)),
            k => format!("[{}]{{{k:?}}}", t.text(text)),
        })
        .collect();
    expect.assert_eq(&out.join(" "));
}

/// Renders one sentence per line.
fn check_sentences(text: &str, expect: Expect) {
    let toks = tokenize(text);
    let out: Vec<&str> = sentences(text, &toks)
        .into_iter()
        .map(|s| &text[s.range()])
        .collect();
    expect.assert_eq(&out.join("\n"));
}

#[test]
fn numbers_hyphens_possessives_and_quotes() {
    check_tokens(
        "Putin’s aide said 600,000 to 800,000 troops, up 19% or 1.2 points, under the 28-point plan—“not final.”",
        expect![[r#"[Putin] [’s] [aide] [said] [600,000]{Number} [to] [800,000]{Number} [troops] [,]{Punct} [up] [19%]{Number} [or] [1.2]{Number} [points] [,]{Punct} [under] [the] [28-point] [plan] [—]{Punct} [“]{Quote} [not] [final] [.]{Punct} [”]{Quote}"#]],
    );
    check_tokens(
        "The U.S. envoy didn't go; O'Brien's son-in-law did on Sunday (23rd).",
        expect![[
            r#"[The] [U.S.] [envoy] [didn't] [go] [;]{Punct} [O'Brien] ['s] [son-in-law] [did] [on] [Sunday] [(]{Punct} [23rd] [)]{Punct} [.]{Punct}"#
        ]],
    );
}

#[test]
fn sentences_respect_abbreviations_initials_and_quotes() {
    check_sentences(
        "Dr. Smith met Sen. Jones on Feb. 3 at No. 10. They agreed. J. K. Rowling wasn't there!",
        expect![[r#"
            Dr. Smith met Sen. Jones on Feb. 3 at No. 10.
            They agreed.
            J. K. Rowling wasn't there!"#]],
    );
    check_sentences(
        "Peskov said, \"It's too early to say.\" He added nothing. \"Wait,\" he said. \"Stop.\" and then left.",
        expect![[r#"
            Peskov said, "It's too early to say."
            He added nothing.
            "Wait," he said.
            "Stop." and then left."#]],
    );
    check_sentences(
        "Rep. Gregory Meeks (D-N.Y.) said he agreed. Rep. Jones (R-Pa.) did not.",
        expect![[r#"
            Rep. Gregory Meeks (D-N.Y.) said he agreed.
            Rep. Jones (R-Pa.) did not."#]],
    );
    check_sentences(
        "Talks moved to the U.S. The envoy flew to the U.S. embassy in Moscow.",
        expect![[r#"
            Talks moved to the U.S.
            The envoy flew to the U.S. embassy in Moscow."#]],
    );
}

#[test]
fn lines_headlines_and_bullets_are_their_own_sentences() {
    check_sentences(
        "KEY POINTS\n\n- Envoy to visit Moscow\n\n- Plan cut to 19 points\n\nThe Kremlin confirmed the visit",
        expect![[r#"
            KEY POINTS
            - Envoy to visit Moscow
            - Plan cut to 19 points
            The Kremlin confirmed the visit"#]],
    );
}

/// Renders the text with entities marked inline: `[Dmitry Peskov]{PER}`.
fn check_entities(text: &str, expect: Expect) {
    let layers = crate::annotate(text);
    let mut out = String::new();
    let mut at = 0;
    for e in &layers.entities {
        out.push_str(&text[at..e.span.start()]);
        out.push_str(&format!(
            "[{}]{{{}}}",
            &text[e.span.range()],
            e.kind.short()
        ));
        at = e.span.end();
    }
    out.push_str(&text[at..]);
    expect.assert_eq(&out);
}

/// Renders one line per role: the person, then the role phrase, marked when former.
fn check_roles(text: &str, expect: Expect) {
    let layers = crate::annotate(text);
    let out: Vec<String> = layers
        .roles
        .iter()
        .map(|r| {
            format!(
                "{} <- {}{}",
                &text[r.person.range()],
                &text[r.role.range()],
                if r.former { " (former)" } else { "" }
            )
        })
        .collect();
    expect.assert_eq(&out.join("\n"));
}

#[test]
fn people_places_and_organisations() {
    check_entities(
        "Kremlin spokesman Dmitry Peskov told reporters in Moscow that the Russian delegation would meet NATO officials.",
        expect!["[Kremlin]{LOC} spokesman [Dmitry Peskov]{PER} told reporters in [Moscow]{LOC} that the [Russian]{MISC} delegation would meet [NATO]{ORG} officials."],
    );
    check_entities(
        "Angela Merkel flew to Paris on Tuesday. Merkel later met the German ambassador.",
        expect![[
            r#"[Angela Merkel]{PER} flew to [Paris]{LOC} on Tuesday. [Merkel]{PER} later met the [German]{MISC} ambassador."#
        ]],
    );
}

#[test]
fn things_that_are_not_people() {
    check_entities(
        "The president boarded Air Force One after posting on Facebook about Thanksgiving at the White House.",
        expect!["The president boarded [Air Force]{ORG} One after posting on Facebook about Thanksgiving at the [White House]{LOC}."],
    );
}

#[test]
fn a_lower_case_role_makes_the_next_name_a_person() {
    check_entities(
        "The talks were led by chief foreign policy advisor Novak and envoy Brandt, not General Motors.",
        expect!["The talks were led by chief foreign policy advisor [Novak]{PER} and envoy [Brandt]{PER}, not [General Motors]{ORG}."],
    );
}

#[test]
fn headlines_in_capitals_still_find_names() {
    check_entities(
        "SOCCER - JAPAN BEAT CHINA IN ASIAN CUP\n\nJapan beat China 2-1 in the Asian Cup on Sunday.",
        expect![[r#"
            SOCCER - [JAPAN]{LOC} BEAT [CHINA]{LOC} IN [ASIAN]{MISC} [CUP]{MISC}

            [Japan]{LOC} beat [China]{LOC} 2-1 in the [Asian Cup]{MISC} on Sunday."#]],
    );
}

#[test]
fn roles_before_and_after_names() {
    check_roles(
        "Kremlin spokesman Dmitry Peskov said talks went well. Putin's foreign policy aide Yuri Ushakov agreed, \
         as did US Secretary of State Marco Rubio and French President Emmanuel Macron. \
         Former U.S. President Joe Biden was not there.",
        expect![[r#"
            Dmitry Peskov <- Kremlin spokesman
            Yuri Ushakov <- Putin's foreign policy aide
            Marco Rubio <- US Secretary of State
            Emmanuel Macron <- French President
            Joe Biden <- Former U.S. President (former)"#]],
    );
    check_roles(
        "\"It is too early,\" said Yuri Ushakov, the Kremlin's foreign policy aide. Peskov, Ushakov and Rubio left on Tuesday.",
        expect!["Yuri Ushakov <- Kremlin's foreign policy aide"],
    );
}

#[test]
fn a_name_after_an_honorific_is_a_person() {
    check_entities(
        "Lord Goldsmith said on Monday that Dame Ellen Marsh and Mr Ebbers had not seen the advice.",
        expect!["Lord [Goldsmith]{PER} said on Monday that [Dame Ellen Marsh]{PER} and [Mr Ebbers]{PER} had not seen the advice."],
    );
}

#[test]
fn towns_the_training_news_never_saw_are_places() {
    check_entities(
        "Drones struck Kharkiv and Lviv overnight, and officials in Odesa said Vilnius would help.",
        expect!["Drones struck [Kharkiv]{LOC} and [Lviv]{LOC} overnight, and officials in [Odesa]{LOC} said [Vilnius]{LOC} would help."],
    );
}

#[test]
fn an_outlet_named_in_full_keeps_its_kind_when_named_short() {
    check_entities(
        "The agency Bloomberg News reported on Tuesday that Kessler advised Moll. Bloomberg said Kessler’s guidance included suggestions. It was not clear how Bloomberg got the recording.",
        expect!["The agency [Bloomberg News]{ORG} reported on Tuesday that [Kessler]{PER} advised [Moll]{PER}. [Bloomberg]{ORG} said [Kessler]{PER}’s guidance included suggestions. It was not clear how [Bloomberg]{ORG} got the recording."],
    );
}

#[test]
fn a_surname_in_a_capitalised_headline_is_the_person() {
    check_entities(
        "Envoy Tom Kessler will fly to Oslo.\n\nKESSLER AND NORWAY\n\nKessler said the talks would go well.",
        expect![[r#"
            Envoy [Tom Kessler]{PER} will fly to [Oslo]{LOC}.

            [KESSLER]{PER} AND [NORWAY]{LOC}

            [Kessler]{PER} said the talks would go well."#]],
    );
}

#[test]
fn surnames_joined_by_a_hyphen_are_each_person() {
    check_entities(
        "Tom Kessler met Anna Moll in Oslo. A Kessler-Moll meeting is planned.",
        expect!["[Tom Kessler]{PER} met [Anna Moll]{PER} in [Oslo]{LOC}. A [Kessler]{PER}-[Moll]{PER} meeting is planned."],
    );
}

#[test]
fn a_place_name_right_before_a_surname_is_a_first_name() {
    check_entities(
        "Georgia Smith met Florence Welch in Paris. In Washington, Smith said no.",
        expect!["[Georgia Smith]{PER} met [Florence Welch]{PER} in [Paris]{LOC}. In [Washington]{LOC}, [Smith]{PER} said no."],
    );
}
