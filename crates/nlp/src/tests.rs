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
