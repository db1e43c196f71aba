//! Quantities as a layer of spans: numbers in digits and words ("seven", "1.2 million",
//! "600,000", "19%", "a fifth"), ranges, qualifiers ("at least", "nearly"), what is counted
//! ("people", "apartment blocks"), and the event and place the sentence attaches them to.
//!
//! Values are normalised to numbers so that later comparison is numeric: percentages and
//! fractions both become a percentage ("a fifth" is 20 %), "1.2 million" is 1 200 000.

use model::Span;
use nlp::numbers::{cardinal, fraction, scale};
use nlp::{EntityKind, Layers, Token, TokenKind};

/// How the text bounds the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    About,
    AtLeast,
    MoreThan,
    Nearly,
    LessThan,
    UpTo,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at least",
            Qualifier::MoreThan => "more than",
            Qualifier::Nearly => "nearly",
            Qualifier::LessThan => "less than",
            Qualifier::UpTo => "up to",
        }
    }

    /// The interval of true values the words allow, for a stated `value` (and range `high`).
    /// "About" and "nearly" allow a tenth either way; "more than" is open above.
    pub fn bounds(self, value: f64, high: Option<f64>) -> (f64, f64) {
        let high = high.unwrap_or(value);
        let slack = 0.1 * value.abs();
        match self {
            Qualifier::Exact => (value, high),
            Qualifier::About => (value - slack, high + slack),
            Qualifier::AtLeast => (value, f64::INFINITY),
            Qualifier::MoreThan => (value, f64::INFINITY),
            Qualifier::Nearly => (value - slack, high),
            Qualifier::LessThan | Qualifier::UpTo => (0.0, high),
        }
    }
}

/// What the number measures, when the text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    Percent,
    /// A currency, by ISO code where the sign tells it ("$" is USD).
    Money(String),
}

impl Unit {
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Percent => "percent",
            Unit::Money(code) => code,
        }
    }
}

/// One quantity in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The qualifier, the number words or digits, and a unit sign: "at least seven", "$1.2bn".
    pub span: Span,
    pub value: f64,
    /// The upper end of a range ("from 600,000 to 800,000").
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: Option<Unit>,
    /// What is counted: "people", "apartment blocks", "voters".
    pub counted: Option<Span>,
    /// The event the count belongs to: "wounded", "killed", "damaged".
    pub event: Option<Span>,
    /// The place the sentence puts it in: "wounded in Zaporizhzhia".
    pub place: Option<Span>,
}

const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["at", "least"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["just", "under"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["up", "to"], Qualifier::UpTo),
    (&["at", "most"], Qualifier::UpTo),
    (&["an", "estimated"], Qualifier::About),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["around"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
];

/// Words that join a counted noun to its event: "people were wounded".
const AUXILIARIES: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "being",
    "be",
    "reportedly",
    "also",
    "later",
    "now",
];

/// Event words that are not "-ed" participles.
const EVENT_WORDS: &[&str] = &[
    "dead",
    "hurt",
    "missing",
    "injured",
    "killed",
    "wounded",
    "died",
    "arrested",
    "displaced",
    "evacuated",
    "fled",
    "lost",
    "won",
    "held",
    "taken",
    "left",
    "sold",
    "built",
    "shot",
];

/// Prepositions that put a count in a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "across", "outside", "around", "on"];

struct Doc<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lower: Vec<String>,
    entity: Vec<Option<EntityKind>>,
    /// Tokens inside an expression another layer owns (dates, times, durations).
    excluded: Vec<bool>,
}

impl Doc<'_> {
    fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start(), self.tokens[b - 1].span.end())
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }
}

/// Every quantity of the text, in order. `excluded` are spans other layers own (time
/// expressions: "2025", "four years"), whose numbers are not counts.
pub fn quantities(text: &str, layers: &Layers, excluded: &[Span]) -> Vec<Quantity> {
    let tokens = &layers.tokens[..];
    let mut entity = vec![None; tokens.len()];
    for e in &layers.entities {
        for slot in &mut entity[nlp::tokens_within(tokens, e.span)] {
            *slot = Some(e.kind);
        }
    }
    let mut excluded_tok = vec![false; tokens.len()];
    for s in excluded {
        for slot in &mut excluded_tok[nlp::tokens_within(tokens, *s)] {
            *slot = true;
        }
    }
    let doc = Doc {
        text,
        tokens,
        lower: tokens.iter().map(|t| t.text(text).to_lowercase()).collect(),
        entity,
        excluded: excluded_tok,
    };
    let mut out = Vec::new();
    for r in layers
        .sentences
        .iter()
        .map(|s| nlp::tokens_within(tokens, *s))
    {
        let mut i = r.start;
        while i < r.end {
            match quantity_at(&doc, i, r.clone()) {
                Some((q, next)) => {
                    out.push(q);
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// A number starting at token `i`: its value, whether it was written in words, the unit it
/// carries, and the token after it.
fn number_at(doc: &Doc, i: usize) -> Option<(f64, bool, Option<Unit>, usize)> {
    if doc.excluded.get(i).copied().unwrap_or(true) || doc.entity[i].is_some() {
        return None;
    }
    let w = doc.word(i);
    let mut unit = None;
    let mut j = i;
    // A currency sign before the digits.
    if let Some(code) = currency_sign(w) {
        unit = Some(Unit::Money(code.into()));
        j += 1;
    }
    let t = doc.tokens.get(j)?;
    let raw = doc.word(j);
    let (mut value, words) = if let Some(v) = abbreviated(raw) {
        // "300m", "1.2bn", "5k" written as one word.
        (v, false)
    } else if t.kind == TokenKind::Number {
        if raw.contains(':') {
            return None;
        }
        let digits = raw.trim_end_matches('%').replace(',', "");
        if raw.ends_with('%') {
            unit = Some(Unit::Percent);
        }
        (digits.parse::<f64>().ok()?, false)
    } else if let Some(f) = fraction_at(doc, j) {
        // "a fifth", "half", "two-thirds", "one in five".
        return Some((f.0 * 100.0, true, Some(Unit::Percent), f.1));
    } else {
        let n = cardinal(raw)?;
        let article = matches!(raw, "a" | "an" | "single");
        if article && scale(doc.word(j + 1)).is_none() && doc.word(j + 1) != "dozen" {
            return None;
        }
        if raw.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        (f64::from(n), true)
    };
    j += 1;
    // Scale words: "1.2 million", "two hundred thousand", "a dozen".
    loop {
        let w = doc.word(j);
        if w == "dozen" {
            value *= 12.0;
        } else if let Some(s) = scale(w) {
            value *= s;
        } else {
            break;
        }
        j += 1;
    }
    // Units after the number: "19 percent", "5 dollars".
    match doc.word(j) {
        "%" | "percent" | "pct" => {
            unit = Some(Unit::Percent);
            j += 1;
        }
        "per" if doc.word(j + 1) == "cent" => {
            unit = Some(Unit::Percent);
            j += 2;
        }
        w => {
            if let Some(code) = currency_word(w) {
                unit = Some(Unit::Money(code.into()));
                j += 1;
            }
        }
    }
    Some((value, words, unit, j))
}

/// Digits with a scale letter glued on: "300m", "1.2bn", "5k".
fn abbreviated(w: &str) -> Option<f64> {
    let split = w.find(|c: char| c.is_alphabetic())?;
    let (digits, suffix) = w.split_at(split);
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let factor = match suffix {
        "k" => 1e3,
        "m" | "mn" => 1e6,
        "bn" | "b" => 1e9,
        "tn" => 1e12,
        _ => return None,
    };
    Some(digits.replace(',', "").parse::<f64>().ok()? * factor)
}

/// Whether a lower-case word looks like a plural noun.
fn is_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "staff"
            | "personnel"
            | "troops"
            | "cattle"
            | "livestock"
            | "aircraft"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "dead"
            | "wounded"
            | "injured"
    ) || (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is"))
}

fn currency_sign(w: &str) -> Option<&'static str> {
    match w {
        "$" | "us$" => Some("USD"),
        "£" => Some("GBP"),
        "€" => Some("EUR"),
        "¥" => Some("JPY"),
        "₽" => Some("RUB"),
        "₴" => Some("UAH"),
        _ => None,
    }
}

fn currency_word(w: &str) -> Option<&'static str> {
    match w {
        "dollars" | "dollar" => Some("USD"),
        "euros" | "euro" => Some("EUR"),
        "pounds" => Some("GBP"),
        "roubles" | "rubles" => Some("RUB"),
        "hryvnias" | "hryvnia" => Some("UAH"),
        "yen" => Some("JPY"),
        _ => None,
    }
}

/// "a fifth" (of), "half", "two-thirds", "one in five": the share of one and the next token.
fn fraction_at(doc: &Doc, j: usize) -> Option<(f64, usize)> {
    let w = doc.word(j);
    if matches!(w, "a" | "an" | "one") {
        if let Some(f) = fraction(doc.word(j + 1)) {
            return Some((f, j + 2));
        }
        if w == "one" && doc.word(j + 1) == "in" {
            let d = f64::from(cardinal(doc.word(j + 2))?);
            return (d > 1.0).then_some((1.0 / d, j + 3));
        }
        return None;
    }
    if w == "half" && doc.word(j + 1) == "of" {
        return Some((0.5, j + 1));
    }
    if w.contains('-') {
        return fraction(w).map(|f| (f, j + 1));
    }
    None
}

/// Vague plurals of scale words: "dozens", "hundreds", "thousands" of people.
fn vague(w: &str) -> Option<f64> {
    match w {
        "dozens" => Some(24.0),
        "hundreds" => Some(200.0),
        "thousands" => Some(2000.0),
        "tens" => Some(20.0),
        "millions" => Some(2e6),
        _ => None,
    }
}

/// The qualifier that ends right before token `i`, with its first token.
fn qualifier_before(doc: &Doc, i: usize, floor: usize) -> (Qualifier, usize) {
    for (words, q) in QUALIFIERS {
        let n = words.len();
        if i >= floor + n && (0..n).all(|k| doc.word(i - n + k) == words[k]) {
            return (*q, i - n);
        }
    }
    (Qualifier::Exact, i)
}

fn quantity_at(doc: &Doc, i: usize, r: std::ops::Range<usize>) -> Option<(Quantity, usize)> {
    let (value, words, mut unit, mut j, qualifier_default) = match number_at(doc, i) {
        Some((v, w, u, j)) => (v, w, u, j, None),
        None => {
            let v = vague(doc.word(i))?;
            if doc.word(i + 1) != "of" || doc.excluded[i] {
                return None;
            }
            // "tens of thousands of people": the second scale multiplies the first.
            match doc.word(i + 2).strip_suffix('s').and_then(scale) {
                Some(s) => (v * s, true, None, i + 3, Some(Qualifier::AtLeast)),
                None => (v, true, None, i + 1, Some(Qualifier::AtLeast)),
            }
        }
    };
    if j > r.end {
        return None;
    }
    let mut start = i;
    // "from 600,000 to 800,000", "between 5 and 7", "600-800", "five or six".
    let mut high = None;
    let joiner = doc.word(j);
    if matches!(joiner, "to" | "-" | "–" | "and" | "or") {
        let opened_by = i.checked_sub(1).map(|p| doc.word(p)).unwrap_or("");
        let fits = match joiner {
            "and" => opened_by == "between",
            "to" => opened_by == "from" || !words,
            _ => true,
        };
        if fits {
            if let Some((v2, _, u2, j2)) = number_at(doc, j + 1) {
                if v2 > value {
                    high = Some(v2);
                    j = j2;
                    if matches!(opened_by, "from" | "between") {
                        start = i - 1;
                    }
                    // "5 to 7 percent": the unit after the range is the first number's too.
                    unit = unit.or(u2);
                }
            }
        }
    }
    let (qualifier, q_start) = match qualifier_default {
        Some(q) => (q, start),
        None if start == i => qualifier_before(doc, i, r.start),
        None => (Qualifier::Exact, start),
    };
    let start = q_start;
    // What is counted: up to three words after the number ("apartment blocks"), or after
    // "of" ("19% of voters", "two of the victims").
    let mut c = j;
    if doc.word(c) == "of" {
        c += 1;
        if matches!(
            doc.word(c),
            "the" | "them" | "those" | "these" | "its" | "their"
        ) {
            c += 1;
        }
    }
    let counted_start = c;
    // The counted phrase ends at its head: the first plural ("apartment blocks", "people"),
    // else a single noun ("plan"). A word after the head is a verb ("people fled").
    let mut plural_at = None;
    while c < r.end && c < counted_start + 3 && counted_word(doc, c) && !is_event(doc, c) {
        if is_plural(doc.word(c)) {
            plural_at = Some(c);
            break;
        }
        c += 1;
    }
    c = match plural_at {
        Some(p) => p + 1,
        None if counted_word(doc, counted_start) => counted_start + 1,
        None => counted_start,
    };
    let mut counted = (c > counted_start).then(|| doc.span(counted_start, c));
    let mut after = c;
    // "18 wounded": the participle is the event, not the thing counted.
    let mut event = None;
    if counted.is_some() && is_event(doc, counted_start) {
        event = Some(doc.span(counted_start, counted_start + 1));
        counted = None;
        after = counted_start + 1;
    } else {
        let mut k = after;
        while k < r.end && AUXILIARIES.contains(&doc.word(k)) {
            k += 1;
        }
        if k < r.end && is_event(doc, k) {
            event = Some(doc.span(k, k + 1));
            after = k + 1;
        } else if start > r.start {
            // "killed at least seven", "killing 12".
            let b = start - 1;
            let w = doc.word(b);
            if doc.is_word(b) && (is_event(doc, b) || (w.ends_with("ing") && w.len() > 5)) {
                event = Some(doc.span(b, b + 1));
            }
        }
    }
    // A lone "one" that counts nothing is a pronoun ("no one"), and "one of the key issues"
    // picks one out rather than counting.
    let before = start.checked_sub(1).map_or("", |b| doc.word(b));
    let pronoun_one = matches!(
        before,
        "no" | "the" | "any" | "every" | "each" | "some" | "this" | "that"
    ) || doc.word(j) == "of";
    if words
        && value == 1.0
        && unit.is_none()
        && (counted.is_none() || pronoun_one || event.is_none())
    {
        return None;
    }
    // A bare number word with nothing counted and no unit is rarely a count ("the two").
    if counted.is_none() && event.is_none() && unit.is_none() && words && high.is_none() {
        return None;
    }
    let place = place_after(doc, after, r.end).or_else(|| place_before(doc, r.start, start));
    Some((
        Quantity {
            span: doc.span(start, j),
            value,
            high,
            qualifier,
            unit,
            counted,
            event,
            place,
        },
        j.max(i + 1),
    ))
}

/// A word that can be part of what is counted: lower-case content words and nationalities.
fn counted_word(doc: &Doc, k: usize) -> bool {
    if !doc.is_word(k) || doc.excluded[k] {
        return false;
    }
    let w = doc.word(k);
    let raw = doc.tokens[k].text(doc.text);
    if raw.starts_with(char::is_uppercase) {
        return doc.entity[k] == Some(EntityKind::Misc);
    }
    let adverb = w.ends_with("ly") && w.len() > 4;
    !(is_function_word(w) || AUXILIARIES.contains(&w) || adverb)
}

/// A participle or event word: "wounded", "killed", "damaged", "dead".
fn is_event(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    doc.is_word(k)
        && (EVENT_WORDS.contains(&w)
            || (w.ends_with("ed")
                && w.len() > 4
                && !matches!(w, "speed" | "breed" | "bleed" | "greed" | "creed")))
}

/// "wounded in Zaporizhzhia": a place name after a preposition, close after the count.
fn place_after(doc: &Doc, from: usize, end: usize) -> Option<Span> {
    let stop = end.min(from + 8);
    (from..stop)
        .take_while(|&k| !matches!(doc.word(k), "," | ";" | "and" | "but" | "while"))
        .find(|&k| names_place(doc, k))
        .map(|k| place_span(doc, k + 1))
}

/// Whether token `k` is a place preposition followed by a name that can be a place: a
/// location, or any name right after "in", "near", "outside" or "across" (the tagger
/// sometimes takes a city for a person; "in Kyiv" still names a place).
fn names_place(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    match doc.entity.get(k + 1).copied().flatten() {
        Some(EntityKind::Location) => PLACE_PREPOSITIONS.contains(&w),
        Some(EntityKind::Person | EntityKind::Organization) => {
            matches!(w, "in" | "near" | "outside" | "across")
        }
        _ => false,
    }
}

/// "In Kharkiv, 12 people ...": a place phrase that opens the clause.
fn place_before(doc: &Doc, floor: usize, start: usize) -> Option<Span> {
    let lo = floor.max(start.saturating_sub(8));
    (lo..start)
        .rev()
        .find(|&k| names_place(doc, k))
        .map(|k| place_span(doc, k + 1))
}

fn place_span(doc: &Doc, k: usize) -> Span {
    let kind = doc.entity.get(k).copied().flatten();
    let mut e = k;
    while e < doc.entity.len() && doc.entity[e] == kind {
        e += 1;
    }
    doc.span(k, e.max(k + 1))
}

/// Function words, and the speech verbs that follow a count ("18, officials said").
fn is_function_word(w: &str) -> bool {
    nlp::is_function_word(w) || matches!(w, "said" | "says" | "say")
}

#[cfg(test)]
mod tests;
