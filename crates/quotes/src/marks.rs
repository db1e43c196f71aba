//! Quotation-mark regions: pairs of opening and closing marks, straight or curly, double or
//! single, including quotes that run over several paragraphs (each reopened by a mark).

use model::Span;

/// One quoted stretch of text, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub span: Span,
    /// The closing mark was found (otherwise the region stops at the end of its paragraph).
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open(Kind),
    Close(Kind),
}

/// Whether `c` opens, closes or cannot be told apart without context.
fn classify(c: char, before: Option<char>, after: Option<char>) -> Option<Mark> {
    let space_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b));
    let word_after = after.is_some_and(char::is_alphanumeric);
    let word_before = before.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' | '«' => Some(Mark::Open(Kind::Double)),
        // "”Mr. Trump embodies ...": a closing mark at the start of a paragraph or before a
        // word after a space is an opening one typed the wrong way round.
        '”' if space_before && (word_after || before.is_none_or(|b| b == '\n')) => {
            Some(Mark::Open(Kind::Double))
        }
        '”' | '»' => Some(Mark::Close(Kind::Double)),
        '"' => Some(if space_before {
            Mark::Open(Kind::Double)
        } else {
            Mark::Close(Kind::Double)
        }),
        // "in ‘08": an elision, not a quote.
        '‘' if after.is_some_and(|a| a.is_ascii_digit()) => None,
        '‘' if space_before || before.is_some_and(|b| "“\"".contains(b)) => {
            Some(Mark::Open(Kind::Single))
        }
        // An apostrophe inside a word ("don’t", "Putin’s") is not a mark.
        '’' | '\'' if word_before && word_after => None,
        '’' if !word_after => Some(Mark::Close(Kind::Single)),
        // A straight single mark before a digit is an elision ("the '90s").
        '\'' if space_before && after.is_some_and(char::is_alphabetic) => {
            Some(Mark::Open(Kind::Single))
        }
        '\'' if !space_before && !word_after => Some(Mark::Close(Kind::Single)),
        _ => None,
    }
}

/// The quoted regions of `text`, in order and not overlapping. Single marks open a region only
/// outside double ones (inside they are nested quotes and stay part of the outer region).
pub fn regions(text: &str) -> Vec<Region> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    // The open region: where it started and with which kind of mark.
    let mut open: Option<(usize, Kind)> = None;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' {
            // A paragraph ends. An open region continues only if the next paragraph reopens it.
            if let Some((start, kind)) = open {
                let mut j = i;
                while j < chars.len() && chars[j].1.is_whitespace() {
                    j += 1;
                }
                let reopens = j < chars.len()
                    && matches!(
                        classify(chars[j].1, None, chars.get(j + 1).map(|c| c.1)),
                        Some(Mark::Open(k)) if k == kind
                    );
                if reopens {
                    i = j + 1;
                    continue;
                }
                if kind == Kind::Double {
                    out.push(Region {
                        span: Span::new(start, trim_end(text, at)),
                        closed: false,
                    });
                }
                open = None;
            }
            i += 1;
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j].1);
        // Two apostrophes stand for a straight double mark in some newsrooms' text ('').
        let doubled = c == '\'' && chars.get(i + 1).is_some_and(|n| n.1 == '\'');
        let (c, width) = if doubled { ('"', 2) } else { (c, 1) };
        let after = chars.get(i + width).map(|c| c.1);
        let mark = classify(c, before, after);
        let c_len = if doubled { 2 } else { c.len_utf8() };
        match (open, mark) {
            (None, Some(Mark::Open(kind))) => open = Some((at, kind)),
            (Some((start, kind)), Some(Mark::Close(k))) if k == kind => {
                out.push(Region {
                    span: Span::new(start, at + c_len),
                    closed: true,
                });
                open = None;
            }
            // A straight double mark inside a double region can only close it.
            (Some((start, Kind::Double)), Some(Mark::Open(Kind::Double))) if c == '"' => {
                out.push(Region {
                    span: Span::new(start, at + c_len),
                    closed: true,
                });
                open = None;
            }
            // A new curly opening before any close: the earlier mark was never closed.
            (Some((start, Kind::Double)), Some(Mark::Open(Kind::Double))) => {
                out.push(Region {
                    span: Span::new(start, trim_end(text, at)),
                    closed: false,
                });
                open = Some((at, Kind::Double));
            }
            // A double mark inside a single region: the single one was an apostrophe.
            (Some((_, Kind::Single)), Some(Mark::Open(Kind::Double))) => {
                open = Some((at, Kind::Double))
            }
            _ => {}
        }
        i += width;
    }
    if let Some((start, Kind::Double)) = open {
        out.push(Region {
            span: Span::new(start, trim_end(text, text.len())),
            closed: false,
        });
    }
    out
}

fn trim_end(text: &str, end: usize) -> usize {
    text[..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::regions;

    fn marked(text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in regions(text) {
            out.push_str(&text[at..r.span.start()]);
            out.push('[');
            out.push_str(&text[r.span.range()]);
            out.push_str(if r.closed { "]" } else { "]?" });
            at = r.span.end();
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn pairs_straight_curly_single_and_paragraph_quotes() {
        assert_eq!(
            marked("He said \"no\" and ‘yes’ but don’t, and Putin’s \"big 'deal' here\"."),
            "He said [\"no\"] and [‘yes’] but don’t, and Putin’s [\"big 'deal' here\"]."
        );
        assert_eq!(
            marked("“First paragraph.\n\n“Second one,” she said. “Open\n\nNext"),
            "[“First paragraph.\n\n“Second one,”] she said. [“Open]?\n\nNext"
        );
        assert_eq!(
            marked("''Voters are dubious,'' he said."),
            "[''Voters are dubious,''] he said."
        );
        assert_eq!(
            marked("Photo.\n\n”Typed the wrong way round.” ― Ana\n”Again.” said ” here"),
            "Photo.\n\n[”Typed the wrong way round.”] ― Ana\n[”Again.”] said ” here"
        );
        assert_eq!(
            marked("The '90s and the students' union"),
            "The '90s and the students' union"
        );
    }
}
