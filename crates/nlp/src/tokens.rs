//! Tokens with byte spans: words, numbers (`600,000`, `1.2`, `19%`), hyphenated words (`28-point`),
//! abbreviations (`U.S.`), possessive `'s` split off as CoNLL does, quotes, dashes and other punctuation.

use model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    /// Quotation marks, straight or curly.
    Quote,
    /// Sentence and clause punctuation, brackets, dashes.
    Punct,
    /// Anything else: symbols, emoji, currency signs.
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        &text[self.span.range()]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks (accents written separately) belong to the word they follow.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '\'' | '‹' | '›' | '`'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―' | '−')
}

/// The range of `tokens` (in text order) that lie inside `span`: a sentence's or a name's tokens.
pub fn tokens_within(tokens: &[Token], span: Span) -> std::ops::Range<usize> {
    let start = tokens.partition_point(|t| t.span.start() < span.start());
    let end = start + tokens[start..].partition_point(|t| t.span.end() <= span.end());
    start..end
}

/// Splits text into tokens. Every token's span slices `text` exactly; white space is never a token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (len, kind) = if c.is_ascii_digit() || (c.is_numeric() && c.is_alphanumeric()) {
            number(&chars, i)
        } else if is_word_char(c) {
            word(&chars, i)
        } else if is_apostrophe(c) && possessive_at(&chars, i) {
            // `'s` after a word: its own token.
            (2, TokenKind::Word)
        } else if is_quote(c) {
            (1, TokenKind::Quote)
        } else if is_dash(c) {
            let n = chars[i..].iter().take_while(|&&(_, d)| is_dash(d)).count();
            (n, TokenKind::Punct)
        } else if c == '.' && chars.get(i + 1).is_some_and(|&(_, d)| d == '.') {
            let n = chars[i..].iter().take_while(|&&(_, d)| d == '.').count();
            (n, TokenKind::Punct)
        } else if c.is_ascii_punctuation() || matches!(c, '…' | '¿' | '¡' | '·') {
            (1, TokenKind::Punct)
        } else {
            (1, TokenKind::Symbol)
        };
        out.push(Token {
            span: Span::new(start, end_of(i + len)),
            kind,
        });
        i += len;
    }
    out
}

/// `'s` / `’s` (or `'S`) ending a word, as in `Putin's`.
fn possessive_at(chars: &[(usize, char)], i: usize) -> bool {
    let prev_word = i > 0 && is_word_char(chars[i - 1].1);
    let s = chars.get(i + 1).is_some_and(|&(_, c)| c == 's' || c == 'S');
    let after = chars.get(i + 2).is_none_or(|&(_, c)| !is_word_char(c));
    prev_word && s && after
}

/// A word: letters and digits, with inner hyphens (`28-point`, `son-in-law`), inner apostrophes
/// that are not a possessive (`don't`, `O'Brien`), and dotted abbreviations (`U.S.`, `e.g.`).
fn word(chars: &[(usize, char)], start: usize) -> (usize, TokenKind) {
    let mut i = start;
    // Dotted abbreviation: single letters each followed by a period.
    let mut j = start;
    while j + 1 < chars.len() && chars[j].1.is_alphabetic() && chars[j + 1].1 == '.' {
        j += 2;
        if chars.get(j).is_none_or(|&(_, c)| {
            !c.is_alphabetic() || chars.get(j + 1).is_none_or(|&(_, d)| d != '.')
        }) {
            break;
        }
    }
    if j - start >= 4 {
        return (j - start, TokenKind::Word);
    }
    // A middle initial keeps its period, as CoNLL writes it: "Roger C. Altman".
    let initial = j - start == 2
        && chars[start].1.is_uppercase()
        && chars.get(j).is_some_and(|&(_, c)| c == ' ')
        && chars.get(j + 1).is_some_and(|&(_, c)| c.is_uppercase())
        && chars.get(j + 2).is_some_and(|&(_, c)| c.is_lowercase());
    if initial {
        return (2, TokenKind::Word);
    }
    // A title keeps its period before a name, as CoNLL writes it: "Mr. Trump", "Sen. Collins".
    let mut t = start;
    while t < chars.len() && chars[t].1.is_alphabetic() {
        t += 1;
    }
    let titled = chars.get(t).is_some_and(|&(_, c)| c == '.')
        && chars.get(t + 1).is_some_and(|&(_, c)| c == ' ')
        && chars.get(t + 2).is_some_and(|&(_, c)| c.is_uppercase())
        && chars[start].1.is_uppercase()
        && crate::is_title_abbreviation(
            &chars[start..t].iter().map(|&(_, c)| c).collect::<String>(),
        );
    if titled {
        return (t + 1 - start, TokenKind::Word);
    }
    loop {
        while i < chars.len() && is_word_char(chars[i].1) {
            i += 1;
        }
        let joiner = chars.get(i).map(|&(_, c)| c);
        let next_word = chars.get(i + 1).is_some_and(|&(_, c)| is_word_char(c));
        match joiner {
            Some(c) if (c == '-' || c == '‑') && next_word => i += 1,
            Some(c) if is_apostrophe(c) && next_word && !possessive_at(chars, i) => i += 1,
            _ => break,
        }
    }
    (i - start, TokenKind::Word)
}

/// A number: digits with thousands separators and a decimal part (`600,000`, `1.2`, `1,234.5`),
/// a trailing percent sign (`19%`), ordinal or unit suffixes glued on (`23rd`, `28-point`).
fn number(chars: &[(usize, char)], start: usize) -> (usize, TokenKind) {
    let digit = |i: usize| {
        chars
            .get(i)
            .is_some_and(|&(_, c)| c.is_ascii_digit() || c.is_numeric())
    };
    let mut i = start;
    loop {
        while digit(i) {
            i += 1;
        }
        let sep = chars.get(i).map(|&(_, c)| c);
        match sep {
            Some(',' | '.' | ':') if digit(i + 1) => i += 1,
            _ => break,
        }
    }
    if chars.get(i).is_some_and(|&(_, c)| c == '%') {
        return (i + 1 - start, TokenKind::Number);
    }
    // Letters glued on (`23rd`, `5G`, `1990s`) or a hyphenated compound (`28-point`) make a word.
    if chars.get(i).is_some_and(|&(_, c)| is_word_char(c))
        || (chars.get(i).is_some_and(|&(_, c)| c == '-')
            && chars.get(i + 1).is_some_and(|&(_, c)| c.is_alphabetic()))
    {
        let (n, _) = word(chars, i);
        let extra = if chars.get(i).is_some_and(|&(_, c)| c == '-') {
            let (m, _) = word(chars, i + 1);
            m + 1
        } else {
            n
        };
        return (i + extra - start, TokenKind::Word);
    }
    (i - start, TokenKind::Number)
}
