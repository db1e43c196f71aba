//! Sentence boundaries over tokens: terminal punctuation (also inside closing quotes), line and
//! paragraph breaks, with abbreviations, initials and mid-sentence quotes kept inside.

use crate::{Token, TokenKind};
use model::Span;

/// Words that a period after them does not end a sentence: titles, months, common abbreviations.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "pres", "rev", "hon", "st", "mt", "ft", "jr", "sr", "no", "nos", "vs",
    "etc", "inc", "ltd", "corp", "co", "bros", "dept", "univ", "approx", "est", "fig", "vol", "pp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd", "rd", "al",
    "cf", "ca",
];

/// Words that start a new sentence after a dotted abbreviation such as `U.S.`.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "A",
    "An",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "There",
    "Meanwhile",
    "However",
    "Officials",
    "When",
    "While",
    "After",
    "Before",
];

fn is_terminal(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "…" | "?!" | "!?")
        || (t.len() >= 3 && t.chars().all(|c| c == '.'))
}

fn is_closing(t: &str) -> bool {
    matches!(t, "\"" | "”" | "’" | "'" | "»" | "›" | ")" | "]")
}

/// Sentence spans over `text`, given its tokens. Every token falls in exactly one sentence.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        let s = start.get_or_insert(tok.span.start());
        let t = tok.text(text);
        let mut end_here = None;
        if is_terminal(t) && !abbreviation_before(text, tokens, i) {
            // Closing quotes and brackets belong to the sentence they close.
            let mut j = i + 1;
            while j < tokens.len()
                && is_closing(tokens[j].text(text))
                && tokens[j].span.start() == tokens[j - 1].span.end()
            {
                j += 1;
            }
            if starts_sentence(text, tokens, j) {
                end_here = Some(j - 1);
            }
        } else if tok.kind == TokenKind::Word && t.ends_with('.') && t.len() > 2 {
            // A dotted abbreviation (`U.S.`) ends a sentence only before a typical sentence opener.
            if tokens
                .get(i + 1)
                .is_some_and(|n| SENTENCE_STARTERS.contains(&n.text(text)))
                || line_break_after(text, tokens, i)
            {
                end_here = Some(i);
            }
        }
        if end_here.is_none() && line_break_after(text, tokens, i) {
            end_here = Some(i);
        }
        if let Some(e) = end_here {
            out.push(Span::new(*s, tokens[e].span.end()));
            start = None;
            i = e + 1;
        } else {
            i += 1;
        }
    }
    if let (Some(s), Some(last)) = (start, tokens.last()) {
        out.push(Span::new(s, last.span.end()));
    }
    out
}

fn line_break_after(text: &str, tokens: &[Token], i: usize) -> bool {
    match tokens.get(i + 1) {
        Some(next) => text[tokens[i].span.end()..next.span.start()].contains('\n'),
        None => false,
    }
}

/// True when token `i` (a period) follows an abbreviation or an initial (`J. K.`).
fn abbreviation_before(text: &str, tokens: &[Token], i: usize) -> bool {
    if tokens[i].text(text) != "." || i == 0 {
        return false;
    }
    let prev = tokens[i - 1];
    if prev.span.end() != tokens[i].span.start() || prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.text(text);
    // "J.", and the state in a party label: "(D-N.Y.)".
    let last = w.rsplit('-').next().unwrap_or(w);
    let single_capital = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    single_capital || ABBREVIATIONS.contains(&w.to_lowercase().as_str())
}

/// True when token `j` can open a sentence (or the text ends there).
fn starts_sentence(text: &str, tokens: &[Token], j: usize) -> bool {
    let Some(next) = tokens.get(j) else {
        return true;
    };
    let t = next.text(text);
    let first = t.chars().next().unwrap_or(' ');
    first.is_uppercase()
        || first.is_numeric()
        || next.kind == TokenKind::Quote
        || matches!(first, '(' | '[' | '-' | '–' | '—' | '¿' | '¡')
        || text[tokens[j - 1].span.end()..next.span.start()].contains('\n')
}
