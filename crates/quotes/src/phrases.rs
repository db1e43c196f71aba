//! The noun phrases around a cue: the speaker before the verb ("Kremlin spokesman Dmitry
//! Peskov said", "Yuri Ushakov, Putin's aide, said", "sources said") and the one after it
//! ("said Yuri Ushakov", "told reporters", "according to the Kremlin").

use crate::{cues, Doc};
use nlp::TokenKind;

/// A noun phrase as a token range; `clause_start` is where the attribution clause begins
/// (before an appositive or relative clause that sits between the name and the verb).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub clause_start: usize,
}

impl Np {
    /// A phrase whose attribution clause starts where the phrase does.
    pub fn new(start: usize, end: usize) -> Np {
        Np {
            start,
            end,
            clause_start: start,
        }
    }
}

const MAX_WORDS: usize = 7;

/// The phrase ending at token `e` (inclusive) that can be the subject of a speech verb;
/// `first` is the first token it may use.
pub fn subject(doc: &Doc, first: usize, e: usize) -> Option<Np> {
    let w = doc.word(e);
    if w == "," {
        return appositive(doc, first, e);
    }
    // "Vice President Joseph R. Biden Jr. said": the suffix's full stop.
    if w == "." && e > first && matches!(doc.word(e - 1), "jr" | "sr") {
        return subject(doc, first, e - 1).map(|np| Np { end: e + 1, ..np });
    }
    // "the hacker known as “Guccifer,” stated": the comma inside the closing mark.
    if e > first + 1 && doc.closes(e) && doc.word(e - 1) == "," {
        let open =
            doc.region[e].map(|ri| nlp::tokens_within(doc.tokens, doc.regions[ri].span).start);
        if open.is_some_and(|o| o > first && doc.kind(o - 1) == Some(TokenKind::Word)) {
            return appositive(doc, first, e - 1);
        }
    }
    // "Kall -- co-editor of a book on the debates -- said": the name before the dashes.
    // A hyphen between spaces is a dash too: "Costa - his partner - told".
    let spaced = w == "-" && e > first && doc.gap_before(e) && doc.gap_after(e);
    if matches!(w, "--" | "—" | "–") || spaced {
        let lo = first.max(e.saturating_sub(40));
        let open = (lo..e).rfind(|&k| doc.word(k) == w)?;
        let np = (open > first)
            .then(|| nominal_left(doc, first, open - 1))
            .flatten()?;
        // "Many speakers at the service — including ... — said": a name, or a phrase the dashes
        // give examples of.
        if doc.entity[open - 1].is_none() && !matches!(doc.word(open + 1), "including" | "like") {
            return None;
        }
        return Some(np);
    }
    // "Rep. Stephen Lynch (D-Mass.) said": the speaker is before the brackets.
    if w == ")" {
        // "Sen. Chris Hale (a state Democrat so young he is taken for an aide) says".
        let open = (e.saturating_sub(30).max(first)..e)
            .rev()
            .take_while(|&k| doc.word(k) != ")" || k == e)
            .find(|&k| doc.word(k) == "(")?;
        return (open > first)
            .then(|| subject(doc, first, open - 1))
            .flatten();
    }
    // "Most believe that ...", "But few believe ...": a quantifier alone is a plural subject.
    // Not before a plural noun: "though some points of disagreement remain".
    if matches!(w, "most" | "many" | "few" | "some")
        && (e == first || !cues::is_determiner(doc.word(e - 1)))
        && !cues::is_plural_noun(doc.word(e + 1))
    {
        return Some(Np::new(e, e + 1));
    }
    // "family members of the victims, many of whom say": the quantifier and the pronoun.
    if w == "whom" && e >= first + 2 && doc.word(e - 1) == "of" {
        return Some(Np::new(e - 2, e + 1));
    }
    // "Those close to her say": an object pronoun ends a phrase that describes the speaker.
    if matches!(w, "him" | "her" | "them" | "us" | "me") && e > first {
        // "most of them said", "some of us say": a part of the group the pronoun names.
        if e >= first + 2
            && doc.word(e - 1) == "of"
            && matches!(
                doc.word(e - 2),
                "most" | "many" | "some" | "all" | "both" | "none" | "each" | "few" | "several"
            )
        {
            return Some(Np::new(e - 2, e + 1));
        }
        if e > first + 2 && opens_modifier(doc, e - 1) {
            return described(doc, first, e, e);
        }
        return None;
    }
    // "all the engineers we consulted said": a clause with its own pronoun subject describes
    // the noun before it.
    if e >= first + 2
        && w.len() > 4
        && w.ends_with("ed")
        && matches!(doc.word(e - 1), "i" | "we" | "you" | "he" | "she" | "they")
    {
        let np = nominal_left(doc, first, e - 2)?;
        return (cues::is_determiner(doc.word(np.start)) && doc.entity[e - 2].is_none())
            .then_some(np);
    }
    if let Some(p) = cues::pronoun(w) {
        if p == cues::Pronoun::Relative {
            // "Trump, who said that ...": the speaker is the relative pronoun, which stands
            // for the phrase before the comma (resolution follows it there); the clause
            // starts with that phrase.
            if e >= first + 2 && doc.word(e - 1) == "," {
                return subject(doc, first, e - 2).map(|np| Np {
                    start: e,
                    end: e + 1,
                    clause_start: np.clause_start,
                });
            }
            // "four in 10 who said ...": the relative pronoun stands for the speaker.
            return Some(Np::new(e, e + 1));
        }
        return Some(Np::new(e, e + 1));
    }
    // "42% say": a share in digits.
    if doc.kind(e) == Some(TokenKind::Number) && w.ends_with('%') {
        return Some(share(doc, first, Np::new(e, e + 1)));
    }
    if w == "%" && e > first && doc.kind(e - 1) == Some(TokenKind::Number) {
        return Some(share(doc, first, Np::new(e - 1, e + 1)));
    }
    // "those surveyed say", "Some 56 percent of voters polled said": the people a survey
    // reached.
    if matches!(
        w,
        "surveyed" | "polled" | "interviewed" | "questioned" | "contacted" | "sampled"
    ) && e > first
    {
        if doc.word(e - 1) == "those" {
            return Some(Np::new(e - 1, e + 1));
        }
        return subject(doc, first, e - 1).map(|np| Np { end: e + 1, ..np });
    }
    // "an earlier study from 2012 noted": a year closing a phrase that describes the speaker.
    if doc.kind(e) == Some(TokenKind::Number)
        && e > first + 1
        && matches!(doc.word(e - 1), "from" | "in" | "of")
        && is_year(w)
    {
        return described(doc, first, e, e);
    }
    // "Seven in 10 say", "Nearly nine out of 10 say": a share of the people polled.
    if let Some(start) = count_start(doc, first, e) {
        return Some(share(doc, first, Np::new(start, e + 1)));
    }
    let np = match nominal_left(doc, first, e) {
        // "Voters who oppose the plan said": the phrase is the object inside a relative
        // clause, and the speaker is the noun the clause describes.
        Some(np) if inside_relative(doc, first, np.start) => relative_head(doc, first, e),
        Some(np) => Some(np),
        None => relative_head(doc, first, e),
    };
    np.map(|np| joined(doc, first, share(doc, first, np)))
}

/// "..., nurses and union officials told the paper": two bare nouns joined after a comma are
/// one subject, so the attribution is seen to start after the comma.
fn joined(doc: &Doc, first: usize, np: Np) -> Np {
    let s = np.start;
    if s >= first + 3
        && matches!(doc.word(s - 1), "and" | "or")
        && cues::is_plural_noun(doc.word(s - 2))
        && doc.word(s - 3) == ","
        && cues::is_plural_noun(doc.word(np.end - 1))
    {
        return Np::new(s - 2, np.end);
    }
    np
}

/// Whether a phrase opens with a share of people, after its qualifiers: "Seven in 10", "83
/// percent of members", "half of residents", "two-thirds of the nurses".
pub(crate) fn counts_people(doc: &Doc, np: Np) -> bool {
    let k = (np.start..np.end)
        .find(|&k| !is_count_qualifier(doc.word(k)))
        .unwrap_or(np.end);
    if k >= np.end {
        return false;
    }
    let next = if k + 1 < np.end { doc.word(k + 1) } else { "" };
    let w = doc.word(k);
    (is_number(doc, k)
        && (k + 1 == np.end || matches!(next, "percent" | "%" | "in" | "of" | "out")))
        || matches!(w, "half" | "majority")
        || ((w == "most" || nlp::numbers::fraction(w).is_some()) && next == "of")
}

/// Whether `r` is a party label after a name: "R-S.C.", "D-Mass.", "I-Vt.".
fn party_label(doc: &Doc, r: std::ops::Range<usize>) -> bool {
    let Some(first) = doc.tokens.get(r.start) else {
        return false;
    };
    let text = &doc.text[first.span.start()..doc.tokens[r.end - 1].span.end()];
    let mut parts = text.splitn(2, '-');
    matches!(parts.next(), Some("R" | "D" | "I"))
        && parts.next().is_some_and(|state| {
            state.len() <= 6 && state.starts_with(char::is_uppercase) && !state.contains(' ')
        })
}

/// Words that qualify a count before it: "about", "nearly", "more than", "a mere", "only".
fn is_count_qualifier(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "nearly"
            | "almost"
            | "roughly"
            | "around"
            | "only"
            | "just"
            | "some"
            | "over"
            | "under"
            | "full"
            | "fully"
            | "mere"
            | "a"
            | "than"
            | "more"
            | "fewer"
            | "less"
    )
}

/// Whether `w` is a year in digits ("1998").
pub(crate) fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1800..2100).contains(&y))
}

/// Where a count of people polled that ends at `e` starts: "Seven in 10", "nine out of 10".
fn count_start(doc: &Doc, first: usize, e: usize) -> Option<usize> {
    if !is_number(doc, e) {
        return None;
    }
    let start = if e >= first + 2 && doc.word(e - 1) == "in" {
        e - 2
    } else if e >= first + 3 && doc.word(e - 1) == "of" && doc.word(e - 2) == "out" {
        e - 3
    } else {
        return None;
    };
    is_number(doc, start).then_some(start)
}

/// Whether the token at `k` is a number in digits or words ("10", "four").
fn is_number(doc: &Doc, k: usize) -> bool {
    doc.kind(k) == Some(TokenKind::Number) || nlp::numbers::cardinal(doc.word(k)).is_some()
}

/// A phrase that counts a share of people, widened to its number and qualifiers: "83 percent
/// of members" to "a full 83 percent of members", "residents in each district" to "half
/// of residents in each district".
fn share(doc: &Doc, first: usize, np: Np) -> Np {
    let mut s = np.start;
    // "half of voters", "most of the delegates": the quantity before "of".
    if s >= first + 2 && doc.word(s - 1) == "of" {
        let q = doc.word(s - 2);
        if matches!(
            q,
            "half" | "most" | "many" | "some" | "all" | "majority" | "none"
        ) || nlp::numbers::fraction(q).is_some()
            || is_number(doc, s - 2)
        {
            s -= 2;
        }
    }
    // "83 percent": the number before a unit of shares.
    if s > first && matches!(doc.word(s), "percent" | "%") && is_number(doc, s - 1) {
        s -= 1;
    }
    if !(is_number(doc, s)
        || nlp::numbers::fraction(doc.word(s)).is_some()
        || matches!(doc.word(s), "half" | "majority" | "most"))
    {
        return np;
    }
    // "more than", "nearly", "a mere", "only": qualifiers of the count ("At least" would read
    // as a setting).
    while s > first && is_count_qualifier(doc.word(s - 1)) {
        s -= 1;
    }
    Np {
        start: s,
        end: np.end,
        clause_start: s.min(np.clause_start),
    }
}

/// Whether the words before `start` are "who/that/which" and a verb with no comma between.
fn inside_relative(doc: &Doc, first: usize, start: usize) -> bool {
    let lo = first.max(start.saturating_sub(4));
    (lo + 1..start.saturating_sub(1))
        .rev()
        .find(|&k| matches!(doc.word(k), "that" | "which" | "who"))
        .is_some_and(|rel| {
            (rel + 1..start).all(|k| {
                doc.kind(k) == Some(TokenKind::Word)
                    && doc.entity[k].is_none()
                    && !cues::is_determiner(doc.word(k))
            })
        })
}

/// "A 2014 study that appeared in a medical journal found": the noun a restrictive relative
/// clause describes, when the words before the verb end inside that clause.
fn relative_head(doc: &Doc, first: usize, e: usize) -> Option<Np> {
    let lo = first.max(e.saturating_sub(12));
    let rel = (lo + 1..e)
        .rev()
        .find(|&k| matches!(doc.word(k), "that" | "which" | "who"))?;
    let clean = (rel + 1..=e).all(|k| {
        let w = doc.word(k);
        doc.region[k].is_none() && !matches!(w, "," | ";" | ":") && !cues::is_speech(w)
    });
    if !clean || doc.kind(rel - 1) != Some(TokenKind::Word) {
        return None;
    }
    // "Neighbours of the mayor's who have met him": over a possessive's mark.
    let possessive = cues::is_possessive(doc.word(rel - 1)) && rel >= first + 2;
    let head = if possessive { rel - 2 } else { rel - 1 };
    // "But those who back her rivals say".
    if doc.word(head) == "those" {
        return Some(Np::new(head, rel));
    }
    let np = nominal_left(doc, first, head).map(|np| Np { end: rel, ..np })?;
    // A noun phrase, not a verb: it opens with a determiner or is a name or a plural noun
    // ("Neighbours of ...").
    let plural = (np.end - np.start == 1 && cues::is_plural_noun(doc.word(head)))
        || (np.end - np.start > 2
            && cues::is_plural_noun(doc.word(np.start))
            && doc.word(np.start + 1) == "of");
    if !(cues::is_determiner(doc.word(np.start)) || doc.entity[head].is_some() || plural) {
        return None;
    }
    Some(Np::new(np.start, np.end))
}

/// What a relative pronoun after a comma stands for: the phrase ending at `b`, or, when that
/// phrase is a role set off after a person's name ("said Alfonso Aguilar, the executive
/// director of the partnership, who also said"), that person.
pub fn antecedent(doc: &Doc, first: usize, b: usize) -> Option<Np> {
    let np = subject(doc, first, b)?;
    let s = np.start;
    if s >= first + 2 && doc.word(s - 1) == "," && cues::is_determiner(doc.word(s)) {
        if let Some(x) = doc.entity[s - 2].filter(|_| doc.is_person(s - 2)) {
            let mut start = s - 2;
            while start > first && doc.entity[start - 1] == Some(x) {
                start -= 1;
            }
            return Some(Np {
                start,
                end: s - 1,
                clause_start: start,
            });
        }
    }
    Some(np)
}

/// "Name, role or relative clause, said": the name before the first comma is the speaker.
fn appositive(doc: &Doc, first: usize, comma: usize) -> Option<Np> {
    let lo = first.max(comma.saturating_sub(40));
    let mut open = (lo..comma).rev().find(|&k| doc.word(k) == ",")?;
    // "Paul Porter, a truck driver from Ava, Mo., who is a member ..., said": the comma after
    // the person, when a place sits between.
    if open > first && !doc.is_person(open - 1) && matches!(doc.word(open + 1), "who" | "which") {
        if let Some(k) = (lo.max(first + 1)..open)
            .rev()
            .find(|&k| doc.word(k) == "," && doc.is_person(k - 1))
        {
            open = k;
        }
    }
    // "Anna Lopez, a teacher from Dayton, Ohio, said": a place between the commas
    // after another place ("City, State") is part of the apposition before it.
    let place = |k: usize| {
        doc.entity[k].is_some_and(|x| doc.layers.entities[x].kind == nlp::EntityKind::Location)
    };
    if open > first + 2
        && (open + 1..comma).all(place)
        && comma > open + 1
        && (place(open - 1)
            || (doc.tokens[open - 1]
                .text(doc.text)
                .starts_with(char::is_uppercase)
                && is_preposition(doc.word(open - 2))))
    {
        if let Some(k) = (lo..open - 1).rev().find(|&k| doc.word(k) == ",") {
            if k > first {
                open = k;
            }
        }
    }
    // "Schiff, 56, who has served ..., told": an age between commas belongs to the name, and
    // so does a party label ("Sen. Ann Lee, R-S.C., a long-shot candidate, said").
    if open >= first + 3
        && doc.word(open - 2) == ","
        && doc.kind(open - 1) == Some(TokenKind::Number)
    {
        open -= 2;
    } else if let Some(k) = (open.saturating_sub(6).max(first + 1)..open)
        .rev()
        .find(|&k| doc.word(k) == ",")
        .filter(|&k| party_label(doc, k + 1..open))
    {
        open = k;
    }
    let inner = open + 1..comma;
    // "about two-thirds, 67 percent, say": the share in numbers between the commas.
    if open > first
        && !inner.is_empty()
        && inner.clone().all(|k| {
            doc.kind(k) == Some(TokenKind::Number) || matches!(doc.word(k), "percent" | "%")
        })
    {
        return subject(doc, first, open - 1);
    }
    // "Others, however, say": an adverb set off by commas stands between subject and verb.
    if inner.len() == 1 && open > first {
        let w = doc.word(inner.start);
        let adverb = matches!(
            w,
            "however" | "though" | "too" | "meanwhile" | "also" | "instead" | "moreover"
        ) || (w.len() > 4 && w.ends_with("ly"));
        if adverb {
            return subject(doc, first, open - 1);
        }
    }
    // "Mr. Obama, who understood that ..., told", "Mr. Guerrero, a Republican who described
    // himself as ..., said": a relative clause may say or think things of its own.
    let relative_clause = inner
        .clone()
        .take_while(|&k| !cues::is_speech(doc.word(k)) && doc.word(k) != "that")
        .any(|k| matches!(doc.word(k), "who" | "which" | "whose"));
    // "a talk show host": a cue word before another noun is a noun itself.
    let modifier = |k: usize| {
        k + 1 < inner.end
            && doc.kind(k + 1) == Some(TokenKind::Word)
            && !nlp::is_function_word(doc.word(k + 1))
    };
    // A long apposition is a relative clause: "Connie Mariano, who as a Navy captain was the
    // White House physician in ..., said".
    if inner.len() > 24 && !matches!(doc.word(inner.start), "who" | "which" | "whose") {
        return None;
    }
    // "the agency that oversees the program": a relative clause inside a noun phrase.
    // "clad in a cape with lights that formed the name": no cue before it, so no report.
    let relative = |k: usize| {
        doc.word(k) == "that"
            && k > inner.start
            && (cues::is_determiner(doc.word(inner.start))
                || (inner.start..k).all(|i| !cues::says_or_thinks(doc.word(i))))
    };
    // "Larsen, after two earlier rallies, wrote": a short phrase of time between the commas.
    // "in a statement posted to the campaign's website", "at small-scale events": a hyphen
    // inside a word is no clause boundary.
    let in_word = |k: usize| {
        doc.word(k) == "-" && k + 1 < doc.tokens.len() && !doc.gap_before(k) && !doc.gap_after(k)
    };
    if open > first
        && inner.len() <= 10
        && matches!(
            doc.word(inner.start),
            "after" | "before" | "during" | "since" | "despite" | "in" | "on" | "at"
        )
        && inner.clone().all(|k| {
            doc.region[k].is_none()
                && !cues::is_auxiliary(doc.word(k))
                && !cues::is_speech(doc.word(k))
                && (doc.kind(k) != Some(TokenKind::Punct) || in_word(k))
        })
    {
        return subject(doc, first, open - 1);
    }
    // "..., and the meeting went on, said": a clause between the commas is no apposition.
    let clause = matches!(
        doc.word(inner.start),
        "and" | "but" | "or" | "as" | "while" | "when" | "because" | "after" | "before" | "if"
    );
    if inner.is_empty()
        || clause
        || (!relative_clause
            && inner.clone().any(|k| {
                // "the hacker known as “Guccifer”": a name in quotation marks after a word.
                let named = doc.region[k].is_some_and(|ri| {
                    let open = nlp::tokens_within(doc.tokens, doc.regions[ri].span).start;
                    open > inner.start && doc.kind(open - 1) == Some(TokenKind::Word)
                });
                (doc.region[k].is_some() && !named)
                    // "self-described": a cue word inside a compound is no cue.
                    // "from the state": a cue word after a determiner is a noun.
                    || (cues::is_speech(doc.word(k))
                        && !modifier(k)
                        && doc.word(k - 1) != "-"
                        && !(k > inner.start && cues::is_determiner(doc.word(k - 1))))
                    || (doc.word(k) == "that" && !relative(k))
            }))
    {
        return None;
    }
    if open == first {
        return None;
    }
    // "The state's campaign chairman, Phil Lovas, said": a person's name between the commas,
    // after a role, is the speaker.
    let person = |k: usize| doc.is_person(k);
    if inner.clone().all(|k| person(k) || doc.word(k) == ".") && doc.entity[open - 1].is_none() {
        let role = nominal_left(doc, first, open - 1);
        return Some(Np {
            start: inner.start,
            end: inner.end,
            clause_start: role.map_or(inner.start, |np| np.start),
        });
    }
    // "Another pollster, David Woodard of Clemson University, said": a person named first
    // between the commas, after a role.
    if person(inner.start) && doc.entity[open - 1].is_none() {
        let x = doc.entity[inner.start];
        let end = (inner.start..inner.end)
            .find(|&k| doc.entity[k] != x)
            .unwrap_or(inner.end);
        if matches!(doc.word(end), "of" | "at" | "from" | "in" | "with") {
            let role = nominal_left(doc, first, open - 1);
            return Some(Np {
                start: inner.start,
                end,
                clause_start: role.map_or(inner.start, |np| np.start),
            });
        }
    }
    // "Rep. Elijah Cummings (D-Md.), chair of the committee, said".
    if doc.word(open - 1) == ")" {
        return subject(doc, first, open - 1);
    }
    // "veterans interviewed at rallies this week, including a former pilot, said": examples
    // after a phrase that describes a group.
    if doc.word(inner.start) == "including" {
        // Over a time phrase at its end ("this week").
        let mut end = open - 1;
        if end >= first + 2
            && is_time_word(doc.word(end))
            && matches!(doc.word(end - 1), "this" | "last" | "next")
        {
            end -= 2;
        }
        if let Some(np) = subject(doc, first, end)
            .filter(|np| (np.start..np.end).any(|k| cues::is_plural_noun(doc.word(k))))
        {
            return Some(np);
        }
    }
    let np = nominal_left(doc, first, open - 1)?;
    // "Democratic economists, like their Republican counterparts, say": a comparison after a
    // plural noun.
    if matches!(doc.word(inner.start), "like" | "unlike" | "including")
        && cues::is_plural_noun(doc.word(open - 1))
    {
        return Some(Np::new(np.start, np.end));
    }
    // The name must be a name: "Peskov, the Kremlin spokesman," but not "In Ohio, on Tuesday,";
    // a phrase with a determiner before a relative clause is a subject too ("Clinton's campaign,
    // which has been shadowed by ..., said").
    // "The aides, led by campaign manager Ana Ruiz, told": a participle phrase too.
    // "A poll, conducted jointly with two firms, shows": so after a document too.
    let participle = doc.word(inner.start).ends_with("ed")
        && (doc.word(inner.start + 1) == "by" || cues::is_document(doc.word(open - 1)));
    let described = (participle
        || (relative_clause && matches!(doc.word(inner.start), "who" | "which" | "whose")))
        && (cues::is_determiner(doc.word(np.start)) || cues::is_possessive(doc.word(np.start + 1)));
    if !described {
        doc.entity[open - 1]?;
    }
    Some(Np::new(np.start, np.end))
}

/// A name, or a determiner-headed phrase of words, ending at `e`.
fn nominal_left(doc: &Doc, first: usize, e: usize) -> Option<Np> {
    if doc.kind(e) != Some(TokenKind::Word) && doc.kind(e) != Some(TokenKind::Number) {
        return None;
    }
    if doc.region[e].is_some() {
        return None;
    }
    let head = doc.word(e);
    // "the report says", "the congressional report said": a cue word a word or two after a
    // determiner is a noun.
    // "secretary of state said": after "of" too.
    let noun = (e.saturating_sub(3).max(first)..e)
        .rev()
        .take_while(|&k| doc.kind(k) == Some(TokenKind::Word))
        .any(|k| cues::is_determiner(doc.word(k)))
        || (e > first && doc.word(e - 1) == "of");
    // "Jolly said": a capitalised word in -ly may be a name.
    let capitalised = doc.tokens[e].text(doc.text).starts_with(char::is_uppercase);
    if doc.entity[e].is_none()
        && (nlp::is_function_word(head)
            || (cues::is_between(head) && !capitalised)
            || (cues::is_speech(head) && !noun)
            || doc.kind(e) == Some(TokenKind::Number))
    {
        return None;
    }
    let mut start = e;
    let mut words = 1;
    while start > first && words < MAX_WORDS {
        let k = start - 1;
        let w = doc.word(k);
        if doc.region[k].is_some() {
            break;
        }
        // "(Reuters) - U.S. candidate Hillary Clinton": a dash between spaces ends the phrase.
        let spaced = w == "-" && doc.gap_before(k);
        if !spaced && (doc.entity[k].is_some() || matches!(w, "'s" | "’s" | "-")) {
            start = k;
            words += 1;
            continue;
        }
        // "Ms. Aubrey": the title and its full stop.
        if w == "." && k > first && nlp::is_title_abbreviation(doc.word(k - 1)) {
            start = k - 1;
            words += 1;
            continue;
        }
        // "A 2014 study": a year or a number after a determiner.
        if doc.kind(k) == Some(TokenKind::Number)
            && k > first
            && cues::is_determiner(doc.word(k - 1))
        {
            start = k;
            words += 1;
            continue;
        }
        // "At least half of residents": the qualifier is no part of the noun.
        if w == "least" {
            break;
        }
        // "obligations that Patriot Coal was seeking": "that" before a name opens a clause.
        if w == "that" && doc.entity[k + 1].is_some() {
            break;
        }
        if cues::is_determiner(w) {
            start = k;
            // "a spokesman for the campaign": go on over the preposition to the head noun.
            let inner = k > first + 1
                && matches!(doc.word(k - 1), "of" | "for" | "at")
                && !nlp::is_function_word(doc.word(k - 2))
                && doc.kind(k - 2) == Some(TokenKind::Word);
            if inner {
                continue;
            }
            break;
        }
        if matches!(w, "of" | "for" | "at") && k > first && !nlp::is_function_word(doc.word(k - 1))
        {
            start = k;
            continue;
        }
        if doc.kind(k) != Some(TokenKind::Word)
            || nlp::is_function_word(w)
            || cues::is_speech(w)
            || cues::is_thought(w)
            || cues::is_between(w)
        {
            break;
        }
        // A lower-case word after a capitalised one that is not a name starts a new clause
        // only rarely; keep it ("Trump supporters", "campaign officials").
        start = k;
        words += 1;
    }
    // The phrase may not start with a preposition kept for "spokesman for".
    while start < e && matches!(doc.word(start), "of" | "for" | "at") {
        start += 1;
    }
    // A phrase after a preposition is its object, not a speaker: "in the past said" is the
    // tail of another clause. Neither is a time or a gerund: "last week", "Speaking".
    // "comes after Ukraine announced": a word that also opens clauses starts one here.
    // "about half of the voters": a qualifier before a quantity, not a preposition.
    if start > first
        && matches!(
            doc.word(start - 1),
            "about" | "around" | "over" | "nearly" | "almost"
        )
        && (doc.kind(start) == Some(TokenKind::Number)
            || matches!(doc.word(start), "half" | "a" | "one" | "two" | "three"))
    {
        start -= 1;
    }
    // "One in five nurses": a share before the noun.
    if let Some(s) = count_start(doc, first, start).filter(|&s| doc.word(s + 1) == "in") {
        start = s;
    }
    let opens_clause = start > first
        && matches!(
            doc.word(start - 1),
            "after" | "before" | "since" | "until" | "as" | "because" | "while" | "when" | "if"
        );
    if start > first && opens_modifier(doc, start - 1) && !opens_clause {
        return described(doc, first, start, e);
    }
    if doc.entity[e].is_none()
        && (is_time_word(head)
            || (start == e && head.ends_with("ing"))
            || (head.ends_with("ed") && head.len() > 4))
    {
        return None;
    }
    Some(Np {
        start,
        end: e + 1,
        clause_start: start,
    })
}

/// The speaker a prepositional phrase `start..=e` (after its preposition at `start - 1`)
/// describes: "officials in the White House", "People briefed on the situation", "those close
/// to him", "analysts in the capital and across the region"; or a name after a setting.
fn described(doc: &Doc, first: usize, start: usize, e: usize) -> Option<Np> {
    let whole = |outer: Np| Np::new(outer.start, e + 1);
    // "officials in the White House said": the phrase modifies a noun before it.
    let outer = start
        .checked_sub(2)
        .filter(|&k| k >= first)
        .and_then(|head| nominal_left(doc, first, head));
    if let Some(outer) = outer {
        return Some(whole(outer));
    }
    // "analysts in the capital and across the region say": a second phrase joined to one that
    // already describes the noun.
    if start >= first + 4 && matches!(doc.word(start - 2), "and" | "or") {
        if let Some(outer) = nominal_left(doc, first, start - 3) {
            if (outer.start..start - 3).any(|k| is_preposition(doc.word(k))) {
                return Some(whole(outer));
            }
        }
    }
    // "People briefed on the situation say", "officials familiar with the talks said", "those
    // close to him": a noun described by a participle or an adjective and its phrase.
    if start >= first + 3 {
        let modifier = doc.word(start - 2);
        let described = modifier.len() > 4
            && (modifier.ends_with("ed")
                || modifier.ends_with("ing")
                || matches!(modifier, "familiar" | "close" | "involved" | "opposed"));
        if described && doc.word(start - 3) == "those" {
            return Some(whole(Np::new(start - 3, start - 2)));
        }
        let plural = cues::is_plural_noun(doc.word(start - 3)) || doc.entity[start - 3].is_some();
        if described && plural {
            if let Some(outer) = nominal_left(doc, first, start - 3) {
                return Some(whole(outer));
            }
        }
    }
    // "In a meeting with the board Ortiz said": a name right after the setting's noun is the
    // subject, and the setting ends before it.
    name_after_setting(doc, start, e)
}

/// The person or organisation named at the end of `start..=e`, when a word of the setting
/// before it is not part of the name: "a meeting Trump", "the board Trump".
fn name_after_setting(doc: &Doc, start: usize, e: usize) -> Option<Np> {
    let x = doc.entity[e]?;
    let kind = doc.layers.entities[x].kind;
    if !matches!(
        kind,
        nlp::EntityKind::Person | nlp::EntityKind::Organization
    ) {
        return None;
    }
    let mut s = e;
    while s > start && doc.entity[s - 1] == Some(x) {
        s -= 1;
    }
    let before = doc.word(s.checked_sub(1)?);
    let setting_word = doc.kind(s - 1) == Some(TokenKind::Word)
        && !cues::is_determiner(before)
        && !nlp::is_function_word(before)
        && !cues::is_possessive(before);
    (s > start && setting_word).then_some(Np::new(s, e + 1))
}

/// The phrase starting at token `j` (before `end`): a name, a pronoun, or a short
/// determiner-led phrase ("the Kremlin spokesman", "reporters", "a news conference").
pub fn object(doc: &Doc, j: usize, end: usize) -> Option<Np> {
    if j >= end || doc.region[j].is_some() {
        return None;
    }
    let w = doc.word(j);
    if cues::pronoun(w).is_some_and(|p| p != cues::Pronoun::Relative)
        || matches!(w, "him" | "her" | "them" | "us" | "me")
    {
        return Some(Np::new(j, j + 1));
    }
    let mut k = j;
    if cues::is_determiner(w) {
        k += 1;
    }
    let body = k;
    while k < end && k - body < MAX_WORDS {
        let w = doc.word(k);
        if doc.entity[k].is_some() || matches!(w, "'s" | "’s" | "-") {
            k += 1;
            continue;
        }
        // "the 2016 contender": a number after the determiner.
        if k == body && k > j && doc.kind(k) == Some(TokenKind::Number) {
            k += 1;
            continue;
        }
        // "one of his senior aides": a determiner after "of".
        if k > body && doc.word(k - 1) == "of" && cues::is_determiner(w) {
            k += 1;
            continue;
        }
        // The full stop of a title: "Sen. Susan Collins", "Mr. Hof".
        if w == "." && k > body && nlp::is_title_abbreviation(doc.word(k - 1)) {
            k += 1;
            continue;
        }
        // "the charges": a cue after a determiner is a noun.
        let noun = k > j && cues::is_determiner(doc.word(k - 1));
        if doc.kind(k) != Some(TokenKind::Word)
            || doc.region[k].is_some()
            || matches!(
                w,
                "whether" | "if" | "how" | "why" | "what" | "when" | "where"
            )
            || (nlp::is_function_word(w)
                && !(matches!(w, "of" | "for") && k > body)
                && !(w == "of" && k > j))
            || (!noun && cues::says_or_thinks(w))
        {
            break;
        }
        k += 1;
    }
    // A trailing "of"/"for" did not lead anywhere.
    while k > body && matches!(doc.word(k - 1), "of" | "for") {
        k -= 1;
    }
    (k > body).then_some(Np::new(j, k))
}

pub(crate) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "during"
            | "after"
            | "before"
            | "over"
            | "into"
            | "amid"
            | "about"
            | "upon"
            | "against"
            | "through"
            | "under"
            | "since"
            | "until"
            | "like"
            | "around"
            | "across"
            | "among"
            | "near"
            | "outside"
            | "inside"
            | "within"
            | "throughout"
    )
}

/// Whether the word at `k` opens a phrase that describes a noun before it: a preposition, or
/// "to" after an adjective that takes it ("close to him", "loyal to the party", "tied to").
fn opens_modifier(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    is_preposition(w)
        || (w == "to"
            && k > 0
            && (matches!(
                doc.word(k - 1),
                "close" | "opposed" | "loyal" | "sympathetic" | "friendly" | "near"
            ) || (doc.word(k - 1).len() > 4 && doc.word(k - 1).ends_with("ed"))
                // "Aides to the minister", "an adviser to the campaign".
                || nlp::is_role_head(doc.word(k - 1))
                || matches!(doc.word(k - 1), "aides" | "aide" | "advisers" | "adviser" | "advisors" | "advisor")))
}

/// Words that name a time, which never speak: "last week said" is not a speaker.
pub(crate) fn is_time_word(w: &str) -> bool {
    model::calendar::month_number(w).is_some()
        || model::calendar::weekday_number(w).is_some()
        || matches!(
            w,
            "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "day"
                | "days"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "time"
                | "times"
                | "past"
                | "ago"
                | "long"
                | "later"
                | "earlier"
        )
}

/// Whether a phrase after the verb can be a speaker: a name, a pronoun, a phrase led by a
/// determiner, or one headed by a role noun ("said Yuri Ushakov", "said the official").
pub(crate) fn names_someone(doc: &Doc, np: Np) -> bool {
    let first = doc.word(np.start);
    (np.start..np.end).any(|k| doc.entity[k].is_some())
        || cues::pronoun(first).is_some()
        || cues::is_determiner(first)
        || nlp::is_role_head(doc.word(np.end - 1))
        || doc.tokens[np.start]
            .text(doc.text)
            .starts_with(char::is_uppercase)
}
