//! Quotes as a layer of spans: what was said (direct or reported), the cue that reports it, and
//! who said it, with the speaker resolved to a named person or organisation of the article.
//!
//! The layer is built from the tokens, sentences, entities and roles of `nlp::Layers` and
//! the quotation-mark regions of the text; it never changes the text.

// A quote's content is a list of token ranges, and most quotes have exactly one.
#![allow(clippy::single_range_in_vec_init)]

mod cues;
mod marks;
mod phrases;
mod speaker;

pub use marks::{regions, Region};

use model::Span;
use nlp::{EntityKind, Layers, Token, TokenKind};
use phrases::Np;

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// What was said, in text order: one span, or several when the attribution splits a quote
    /// ("“We are ready,” he said, “to talk.”").
    pub content: Vec<Span>,
    /// The speech verb or phrase ("said", "according to", a colon), if the text has one.
    pub cue: Option<Span>,
    /// The words that name the speaker here ("he", "the Kremlin spokesman", "Peskov").
    pub speaker: Option<Span>,
    /// The named person or organisation the speaker refers to, when it can be told.
    pub resolved: Option<Resolved>,
    /// The content is entirely inside quotation marks.
    pub direct: bool,
}

/// A speaker resolved to a name mention of the article (the fullest form of the name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub span: Span,
    pub kind: EntityKind,
}

impl Quote {
    /// From the start of the first content part to the end of the last.
    pub fn hull(&self) -> Span {
        let first = self.content.first().map_or(0, |s| s.start());
        let last = self.content.last().map_or(first, |s| s.end());
        Span::new(first, last)
    }
}

/// The text and layers every step reads, with per-token lookups.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub layers: &'a Layers,
    pub lower: Vec<String>,
    /// For each token, the quotation-mark region it is in.
    pub region: Vec<Option<usize>>,
    pub regions: Vec<Region>,
    /// For each token, the entity it belongs to.
    pub entity: Vec<Option<usize>>,
    /// For each token, its sentence.
    pub sentence: Vec<usize>,
    /// Each sentence's token range.
    pub ranges: Vec<std::ops::Range<usize>>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, layers: &'a Layers) -> Doc<'a> {
        let tokens = &layers.tokens[..];
        let lower = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
        let regions = marks::regions(text);
        let mut region = vec![None; tokens.len()];
        for (ri, r) in regions.iter().enumerate() {
            for slot in &mut region[nlp::tokens_within(tokens, r.span)] {
                *slot = Some(ri);
            }
        }
        let mut entity = vec![None; tokens.len()];
        for (ei, e) in layers.entities.iter().enumerate() {
            for slot in &mut entity[nlp::tokens_within(tokens, e.span)] {
                *slot = Some(ei);
            }
        }
        let ranges: Vec<_> = layers
            .sentences
            .iter()
            .map(|s| nlp::tokens_within(tokens, *s))
            .collect();
        let mut sentence = vec![0; tokens.len()];
        for (si, r) in ranges.iter().enumerate() {
            for slot in &mut sentence[r.clone()] {
                *slot = si;
            }
        }
        Doc {
            text,
            tokens,
            layers,
            lower,
            region,
            regions,
            entity,
            sentence,
            ranges,
        }
    }

    pub fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Tokens `a..b` as a byte span.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start(), self.tokens[b - 1].span.end())
    }

    /// Whether token `i` is part of a person's name.
    pub fn is_person(&self, i: usize) -> bool {
        self.entity
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|x| self.layers.entities[x].kind == EntityKind::Person)
    }

    /// Whether token `i` opens a quotation-mark region.
    pub fn opens(&self, i: usize) -> bool {
        self.region
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|r| self.regions[r].span.start() == self.tokens[i].span.start())
    }

    /// Whether token `i` closes a quotation-mark region.
    pub fn closes(&self, i: usize) -> bool {
        self.region.get(i).copied().flatten().is_some_and(|r| {
            self.regions[r].closed && self.regions[r].span.end() == self.tokens[i].span.end()
        })
    }

    /// Whether there is space between token `i` and the one before it.
    fn gap_before(&self, i: usize) -> bool {
        i > 0 && self.tokens[i].span.start() > self.tokens[i - 1].span.end()
    }

    /// Whether there is space between token `i` and the one after it (false at the end).
    fn gap_after(&self, i: usize) -> bool {
        self.tokens
            .get(i + 1)
            .is_some_and(|t| t.span.start() > self.tokens[i].span.end())
    }

    fn is_separator(&self, i: usize) -> bool {
        matches!(self.word(i), "," | "—" | "–" | "-" | "--") || self.closes(i)
    }
}

/// Every quote of the text, ordered by where its content starts.
pub fn quotes(text: &str, layers: &Layers) -> Vec<Quote> {
    let doc = Doc::new(text, layers);
    let mut found: Vec<Found> = Vec::new();
    let mut claimed = vec![false; doc.tokens.len()];
    for si in 0..doc.ranges.len() {
        let r = doc.ranges[si].clone();
        let mut i = r.start;
        while i < r.end {
            if claimed[i] || doc.region[i].is_some() {
                i += 1;
                continue;
            }
            match attribution(&doc, r.clone(), i, &claimed) {
                Some(f) => {
                    for part in &f.content {
                        claimed[part.clone()].fill(true);
                    }
                    claimed[f.cue.clone()].fill(true);
                    // "..., Sanders said, suggesting ...": a speaker after the content is no
                    // content of the next cue.
                    if let Some(np) = f.speaker.filter(|np| np.start > f.cue.start) {
                        claimed[np.start..np.end].fill(true);
                    }
                    i = f.cue.end;
                    found.push(f);
                }
                None => i += 1,
            }
        }
        if let Some(f) = headline_colon(&doc, r.clone(), &claimed) {
            for part in &f.content {
                claimed[part.clone()].fill(true);
            }
            found.push(f);
        }
    }
    found.sort_by_key(|f| f.content[0].start);
    for extra in unattributed(&doc, &claimed) {
        let part = extra.content[0].clone();
        // "“PENCE: Well, look ...”": a transcript line names its speaker in capitals; each
        // paragraph that opens with another name is that person's turn.
        let turn = |k: usize| {
            k + 2 < part.end
                && doc.word(k + 2) == ":"
                && doc.kind(k + 1) == Some(TokenKind::Word)
                && doc.tokens[k + 1].text(doc.text).chars().count() > 1
                && doc.tokens[k + 1]
                    .text(doc.text)
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '-')
        };
        if turn(part.start) {
            let mut starts: Vec<usize> = vec![part.start];
            for k in part.start + 1..part.end {
                let paragraph = doc.text[doc.tokens[k - 1].span.end()..doc.tokens[k].span.start()]
                    .contains('\n');
                if paragraph && turn(k) {
                    starts.push(k);
                }
            }
            for (n, &a) in starts.iter().enumerate() {
                let b = starts.get(n + 1).copied().unwrap_or(part.end);
                let name = Np::new(a + 1, a + 2);
                insert_in_order(&mut found, Found::said(a..b, a + 2..a + 3, name));
            }
            continue;
        }
        // "“Trump scares me.” ― Krystal Correa": a name after a dash signs the quote.
        if let Some(np) = signed_by(&doc, part.end) {
            insert_in_order(
                &mut found,
                Found::said(part.clone(), part.end..part.end + 1, np),
            );
            continue;
        }
        // "“One,” he said. “Two.”": the next quote of the paragraph goes on with the same one.
        let before = found.partition_point(|f| f.content[0].start < part.start);
        if let Some(prev) = before.checked_sub(1).map(|b| &mut found[b]) {
            let last = prev
                .content
                .iter()
                .map(|r| r.end)
                .max()
                .unwrap_or(0)
                .max(prev.cue.end);
            let gap =
                &doc.text[doc.tokens[last - 1].span.end()..doc.tokens[part.start].span.start()];
            if doc.opens(prev.content[0].start)
                && !gap.contains('\n')
                && doc.sentence[part.start] <= doc.sentence[last - 1] + 1
            {
                prev.content.push(part);
                continue;
            }
        }
        let mut extra = extra;
        // "... is shown lecturing: “...”": the sentence before the colon names the speaker.
        if part.start > 0 && doc.word(part.start - 1) == ":" {
            let si = doc.sentence[part.start - 1];
            let r = doc.ranges[si].clone();
            if let Some(np) = sentence_subject(&doc, r.start, part.start - 1) {
                extra.speaker = Some(np);
                extra.cue = part.start - 1..part.start;
                extra.continues = false;
            }
        }
        // "He also expressed hope to meet “soon”, “but only when ...”": a quote inside a
        // sentence with no cue belongs to the person the sentence is about.
        if extra.speaker.is_none() {
            let r = doc.ranges[doc.sentence[part.start]].clone();
            if part.start > r.start + 1 {
                extra.speaker = person_subject(&doc, r.start, part.start);
            }
        }
        found.insert(before, extra);
    }
    speaker::resolve_all(&doc, &mut found);
    found.into_iter().map(|f| f.into_quote(&doc)).collect()
}

/// A quote as token ranges, before speakers are resolved.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub content: Vec<std::ops::Range<usize>>,
    pub cue: std::ops::Range<usize>,
    pub speaker: Option<Np>,
    pub resolved: Option<Resolved>,
    /// Carries the speaker over from the quote before it (a quote paragraph that continues).
    pub continues: bool,
}

impl Found {
    /// A quote with its speaker phrase, to be resolved later.
    fn said(content: std::ops::Range<usize>, cue: std::ops::Range<usize>, speaker: Np) -> Found {
        Found {
            content: vec![content],
            cue,
            speaker: Some(speaker),
            resolved: None,
            continues: false,
        }
    }

    fn into_quote(self, doc: &Doc) -> Quote {
        let content: Vec<Span> = self
            .content
            .iter()
            .map(|r| doc.span(r.start, r.end))
            .collect();
        // A paragraph of a quote that runs over several opens with its own mark.
        let mark = |k: usize| {
            doc.tokens[k]
                .text(doc.text)
                .chars()
                .all(|c| matches!(c, '"' | '“' | '„' | '«' | '\''))
        };
        let direct = self.content.iter().all(|r| {
            (doc.opens(r.start) || (doc.region[r.start].is_some() && mark(r.start)))
                && doc.region[r.start] == doc.region[r.end - 1]
                && (doc.closes(r.end - 1)
                    || !doc.regions[doc.region[r.start].unwrap_or(0)].closed
                    || r.end < doc.tokens.len() && mark(r.end))
        });
        Quote {
            content,
            cue: (!self.cue.is_empty()).then(|| doc.span(self.cue.start, self.cue.end)),
            speaker: self.speaker.map(|np| doc.span(np.start, np.end)),
            resolved: self.resolved,
            direct,
        }
    }
}

/// The end of the sentence's content: before its final full stop (a closing mark stays).
fn trimmed_end(doc: &Doc, from: usize, r: &std::ops::Range<usize>) -> usize {
    let mut end = r.end;
    while end > from && matches!(doc.word(end - 1), "." | "!" | "?" | ";" | "…" | ":") {
        end -= 1;
    }
    end
}

/// The attribution whose cue is token `c`, if the sentence frames one around it.
fn attribution(doc: &Doc, r: std::ops::Range<usize>, c: usize, claimed: &[bool]) -> Option<Found> {
    let w = doc.word(c);
    if w == "according" && doc.word(c + 1) == "to" {
        return according(doc, r, c, claimed);
    }
    if w == "asked" {
        if let Some(f) = asked_of(doc, r.clone(), c) {
            return Some(f);
        }
    }
    if w == "in" {
        if let Some(f) = in_polls(doc, r.clone(), c, claimed) {
            return Some(f);
        }
    }
    // Every other frame has words before its cue.
    if c == 0 {
        return None;
    }
    // "what he called “our arguments this year”": the quotation is what the speaker called
    // the thing.
    if cues::is_call(w) && doc.opens(c + 1) {
        let e = before_verb(doc, r.start, c);
        let np = e
            .checked_sub(1)
            .filter(|&e| e > r.start)
            .and_then(|e| phrases::subject(doc, r.start, e));
        let quotation = doc.region[c + 1]
            .filter(|&ri| doc.regions[ri].closed)
            .map(|ri| nlp::tokens_within(doc.tokens, doc.regions[ri].span));
        if let (Some(np), Some(q)) = (np, quotation) {
            if np.start > r.start && doc.word(np.start - 1) == "what" {
                return Some(Found::said(q, c..c + 1, np));
            }
        }
    }
    if cues::is_claim_noun(w) {
        if let Some(f) = claim_noun(doc, r.clone(), c, claimed) {
            return Some(f);
        }
    }
    // Verbs of intention and "call" are cues only with their own frames (checked below).
    let intent_only = !cues::says_or_thinks(w);
    let stance = cues::takes_object(w);
    let after = doc.word(c + 1);
    // "spoke about ...", "referring to the party's convention": what the talk is about.
    let talk = (cues::is_talk(w) && cues::is_topic_preposition(after))
        || (cues::is_reference(w) && after == "to");
    // "expressed hope that", "expressed concern about": the attitude, then its content.
    let express = cues::is_express(w)
        && doc.kind(c + 1) == Some(TokenKind::Word)
        && matches!(
            doc.word(c + 2),
            "that" | "to" | "about" | "over" | "for" | "at"
        );
    // "sees Cruz as a uniter": a judgement, when "as" follows the object.
    let judged = cues::is_perception(w) && {
        let stop = trimmed_end(doc, c + 1, &r).min(c + 16);
        (c + 2..stop)
            .take_while(|&k| doc.region[k].is_none() && !matches!(doc.word(k), "," | ";" | ":"))
            .any(|k| doc.word(k) == "as")
    };
    if intent_only
        && !(cues::takes_infinitive(w) || cues::is_call(w) || stance || talk || express || judged)
    {
        return None;
    }
    if cues::is_call(w)
        && !matches!(after, "for" | "on")
        && names_as(doc, c, trimmed_end(doc, c + 1, &r)).is_none()
    {
        return None;
    }
    if intent_only && !stance && cues::takes_infinitive(w) && after != "to" {
        return None;
    }
    // "was criticized for", "is supported by": a passive names no speaker before it.
    if stance
        && intent_only
        && !w.ends_with("ing")
        && c > r.start
        && matches!(
            doc.word(c - 1),
            "was" | "were" | "is" | "are" | "be" | "been" | "being" | "get" | "got"
        )
    {
        return None;
    }
    // "in five states", "the state's voters": "state" is a verb only before what is stated
    // ("states that", "stated:").
    if matches!(w, "state" | "states")
        && !(matches!(doc.word(c + 1), "that" | ":") || doc.opens(c + 1))
    {
        return None;
    }
    // "the mayor's remarks on the budget": a cue word after a possessive is a noun.
    if c > r.start && cues::is_possessive(doc.word(c - 1)) && !cues::is_claim_noun(w) {
        return None;
    }
    // "the four states that voted", "two reports": a form in -s after a number is a noun.
    if w.ends_with('s')
        && c > r.start
        && (doc.kind(c - 1) == Some(TokenKind::Number)
            || nlp::numbers::cardinal(doc.word(c - 1)).is_some_and(|n| n >= 2))
    {
        return None;
    }
    // A capitalised verb inside a sentence is a name ("The Washington Post", "United States").
    let capitalised = doc.tokens[c].text(doc.text).starts_with(char::is_uppercase);
    if doc.entity[c].is_some()
        || (capitalised && c > r.start && !doc.opens(c - 1) && !title_case(doc, &r))
    {
        return None;
    }
    // Content starts where the earlier attributions of the sentence end.
    let mut first = r.start;
    while first < c && claimed[first] {
        first += 1;
    }
    // "As an earlier study noted, younger voters turn out less": the source in an "as" clause,
    // the content after its comma.
    if doc.word(first) == "as" && doc.word(c + 1) == "," && c > first + 1 && cues::is_speech(w) {
        let end = trimmed_end(doc, c + 2, &r);
        if let Some(np) = phrases::subject(doc, first + 1, before_verb(doc, first + 1, c) - 1) {
            if end > c + 3 && np.start == first + 1 {
                return Some(Found::said(c + 2..end, c..c + 1, np));
            }
        }
    }
    // The speaker before the verb, over auxiliaries and adverbs: "he has also said".
    let mut e = over_progressive(doc, first, before_verb(doc, first, c), w);
    // "The president last week said", "Peskov on Tuesday told": step over the time phrase.
    // "A review board in 1998 found": a year after "in" is a time phrase too.
    let year = e > first + 1 && doc.word(e - 2) == "in" && phrases::is_year(doc.word(e - 1));
    if e > first && (phrases::is_time_word(doc.word(e - 1)) || year) {
        let mut k = e - 1;
        while k > first
            && (phrases::is_time_word(doc.word(k - 1))
                || matches!(
                    doc.word(k - 1),
                    "last" | "this" | "next" | "on" | "in" | "at" | "early" | "late"
                )
                || doc.kind(k - 1) == Some(TokenKind::Number))
            && e - k < 4
        {
            k -= 1;
        }
        if matches!(
            doc.word(k),
            "last" | "this" | "next" | "on" | "in" | "at" | "earlier" | "later" | "early" | "late"
        ) || model::calendar::weekday_number(doc.word(k)).is_some()
        {
            e = before_verb(doc, first, k);
            // "A poll released on Tuesday showed", "a survey out this week shows": a
            // participle of publication and its time describe the subject.
            let participle = |w: &str| w == "out" || (w.len() > 4 && w.ends_with("ed"));
            if e == k
                && k > first + 1
                && participle(doc.word(k - 1))
                && doc.entity[k - 1].is_none()
                && doc.kind(k - 2) == Some(TokenKind::Word)
                && !cues::is_auxiliary(doc.word(k - 2))
                && !nlp::is_function_word(doc.word(k - 2))
            {
                e = k - 1;
            }
        }
    }
    let left = (e > first)
        .then(|| phrases::subject(doc, first, e - 1))
        .flatten();
    let clause_start = left.map_or(e, |np| np.clause_start);
    // A bare form ("caution", "report", "say") is a cue after a plural subject, "I/we/you/they"
    // or an auxiliary ("they say", "officials warn", "would say"); otherwise it is a noun.
    if cues::is_base_form(w) {
        let aux = c > first
            && matches!(
                doc.word(c - 1),
                "will"
                    | "would"
                    | "could"
                    | "did"
                    | "do"
                    | "does"
                    | "may"
                    | "might"
                    | "can"
                    | "to"
                    | "should"
                    | "must"
            );
        let plural = left.is_some_and(|np| {
            let head = doc.word(np.end - 1);
            let plural_noun = cues::is_plural_noun;
            // "Mr. Grassley and Mr. Leahy say", "supporters in Congress say": two people
            // joined, or a plural noun before the phrase that modifies it.
            let modified = (np.start + 1..np.end).any(|k| {
                matches!(
                    doc.word(k),
                    "in" | "of" | "at" | "from" | "for" | "around" | "to"
                ) && plural_noun(doc.word(k - 1))
            });
            // "Seven in 10 say", "a full 83 percent of members say", "two-thirds of nurses say":
            // a share of people (not "57 percent support", a noun after the share).
            let share = phrases::counts_people(doc, np) && !cues::takes_object(w);
            matches!(
                head,
                "i" | "we" | "you" | "they" | "who" | "whom" | "most" | "many" | "few" | "some"
            )
                || plural_noun(head)
                || doc.word(np.start) == "those"
                // "People briefed on the situation say".
                || (np.end > np.start + 2 && plural_noun(doc.word(np.start)))
                || (np.start..np.end).any(|k| doc.word(k) == "and")
                || (np.start >= 2
                    && doc.word(np.start - 1) == "and"
                    && doc.entity[np.start - 2].is_some())
                || modified
                || share
        });
        // "..., say some Democrats": the speakers after the verb.
        let inverted_plural = w == "say" && left.is_none() && c > first && doc.word(c - 1) == ",";
        if !(aux || plural || inverted_plural) {
            return None;
        }
    }
    let end = trimmed_end(doc, c + 1, &r);

    // Postposed: "Content, he said." or "Content, said the minister."
    let before_sep = (clause_start > first + 1 && doc.is_separator(clause_start - 1))
        // "“... Not fit!” Trump tweeted.": the splitter ended a sentence at the closing mark.
        // Not across a paragraph break: "… its own prices.”\n\nOthers say this is …".
        || (clause_start == r.start
            && r.start > 0
            && doc.closes(r.start - 1)
            && !claimed[r.start - 1]
            && !doc.text[doc.tokens[r.start - 1].span.end()..doc.tokens[r.start].span.start()]
                .contains('\n'));
    // "said the base chief known as Bob": the name the phrase goes by is part of it.
    let right = phrases::object(doc, c + 1, end).map(|np| {
        // The phrase may already hold "known": "the base chief known".
        let known = |i: usize| matches!(doc.word(i), "known" | "identified" | "named");
        let at = if np.end > np.start + 1 && known(np.end - 1) {
            np.end - 1
        } else {
            np.end
        };
        let k = at + 2;
        if k < end && known(at) && doc.word(at + 1) == "as" && doc.entity[k].is_some() {
            let x = doc.entity[k];
            let stop = (k..end).find(|&i| doc.entity[i] != x).unwrap_or(end);
            phrases::Np { end: stop, ..np }
        } else {
            np
        }
    });
    // "..., pollsters say; in 2019 ...": a semicolon ends the attribution too.
    let after_is_empty = c + 1 >= end || doc.is_separator(c + 1) || doc.word(c + 1) == ";";
    // "..., said X" inverts speech verbs only: "..., criticized Clinton's email use" names
    // what was criticized.
    let inverted = left.is_none()
        && (cues::is_speech(w) || !cues::takes_object(w))
        && right.is_some_and(|np| phrases::names_someone(doc, np))
        && right.is_some_and(|np| {
            np.end >= end
                || doc.is_separator(np.end)
                || (!w.ends_with("ing") && adjunct_tail(doc, np.end - 1, end))
        });
    // "“Look, it's a phony system,” Trump told Bill O'Reilly this week": the hearer is not
    // the tail's content.
    let tail_from = if cues::takes_hearer(w) {
        phrases::object(doc, c + 1, end).map_or(c, |h| h.end - 1)
    } else {
        c
    };
    let short_tail = tail_from + 1 >= end || takes_short_tail(doc, tail_from, end);
    // "“I love it,” Trump said in August after the firm announced …": right after a closing
    // quotation, the words after the verb are narration (unless they open another frame).
    let closing = if doc.closes(clause_start.saturating_sub(1)) {
        clause_start.checked_sub(1)
    } else if clause_start >= 2 && doc.word(clause_start - 1) == "," && doc.closes(clause_start - 2)
    {
        Some(clause_start - 2)
    } else {
        None
    };
    // The quotation opens the sentence or follows a separator: not a title after a word
    // ("On the broadcast of “Fox News Sunday,” Pence said ...").
    let after_quote = clause_start > first + 1
        && closing.and_then(|k| doc.region[k]).is_some_and(|ri| {
            let open = nlp::tokens_within(doc.tokens, doc.regions[ri].span).start;
            open <= first || doc.is_separator(open - 1)
        })
        && !matches!(after, "that" | ":")
        && !doc.opens(c + 1);
    // "Asked about it, O'Neill said, “Not going into that.”": a quotation after the verb is
    // the content, not the words before it (unless they are a quotation too).
    let quote_follows = matches!(after, "," | ":") && doc.opens(c + 2);
    let quote_before = clause_start > first + 1 && doc.closes(clause_start - 1)
        || (clause_start > first + 2 && doc.closes(clause_start - 2));
    let speaker_before = left.is_some() || inverted;
    // "In her book, Clinton noted ...": a short phrase opened by a preposition is a setting.
    // "But throughout the winter, members criticized it": over a conjunction too.
    let lead = first + usize::from(matches!(doc.word(first), "but" | "and" | "yet" | "so"));
    let setting_before = clause_start <= first + 9
        && phrases::is_preposition(doc.word(lead))
        // "In all, hackers compromised 12 servers, the report said": a clause between (not a
        // short apposition: "In her 2003 book, Living History, Clinton noted").
        && (first..clause_start.saturating_sub(1))
            .find(|&k| doc.word(k) == ",")
            .is_none_or(|k| clause_start < k + 6)
        && doc.region[first].is_none()
        && (first..clause_start).all(|k| !cues::is_speech(doc.word(k)));
    // "Last year, 31 percent said the same": a time before the comma is no content.
    let time_before = clause_start > first + 1
        && (first..clause_start - 1).all(|k| {
            let w = doc.word(k);
            phrases::is_time_word(w)
                || matches!(
                    w,
                    "last" | "this" | "next" | "earlier" | "later" | "on" | "in"
                )
                || doc.kind(k) == Some(TokenKind::Number)
        });
    // "When asked whether ..., 61 percent said yes": the words before hold a report of their
    // own.
    let claimed_before = (first..clause_start).any(|k| claimed[k]);
    if before_sep
        && speaker_before
        && !setting_before
        && !time_before
        && !claimed_before
        && (!quote_follows || quote_before)
        // "WASHINGTON (Reuters) - Clinton said hackers broke in": after a dash, words after
        // the verb are what was said.
        && (after_is_empty
            || inverted
            || (left.is_some()
                && (short_tail || after_quote)
                && !matches!(doc.word(clause_start - 1), "-" | "—" | "–" | "--")))
    {
        let speaker = left.or(if inverted { right } else { None })?;
        let sep = clause_start - 1;
        // "“Content,” he said": the mark and the comma inside it belong to the content.
        let content_end = if doc.closes(sep) { sep + 1 } else { sep };
        let mut content_start = first.min(sep);
        if let Some(ri) = doc.region[content_end.saturating_sub(1)] {
            // A quote that began in an earlier sentence: "“One. Two,” he said."
            let open = nlp::tokens_within(doc.tokens, doc.regions[ri].span).start;
            content_start = content_start.min(open);
        }
        while content_start < content_end && claimed[content_start] {
            content_start += 1;
        }
        // "Still, he said, officials have to decide": a lone adverb before the attribution is
        // no content; what follows it is.
        let lone = content_end < content_start + 2;
        if lone && !(content_end > content_start && doc.region[content_start].is_none()) {
            return None;
        }
        let mut content = if lone {
            Vec::new()
        } else {
            vec![content_start..content_end]
        };
        // "“We are ready,” he said, “to talk.”": the quote goes on after the attribution.
        let mut clause_end = speaker.end.max(c + 1);
        if inverted && doc.word(clause_end) == "," {
            // "said Yuri Ushakov, Putin's foreign policy aide": the role is not content.
            let next = doc.tokens.get(clause_end + 1).map(|t| t.span.start());
            if let Some(role) = doc.layers.roles.iter().find(|r| {
                Some(r.role.start()) == next || r.person == doc.span(speaker.start, speaker.end)
            }) {
                if role.role.start() > doc.tokens[clause_end].span.start() {
                    clause_end = nlp::tokens_within(doc.tokens, role.role).end;
                }
            }
        }
        // "The plan, officials said on Tuesday, will fail": over a time or a setting.
        if adjunct_tail(doc, clause_end - 1, end) {
            if let Some(k) = (clause_end..end.min(clause_end + 6)).find(|&k| doc.word(k) == ",") {
                clause_end = k;
            }
        }
        let comma = doc.word(clause_end) == ",";
        let resume = clause_end + usize::from(comma);
        if resume < r.end && doc.opens(resume) {
            let ri = doc.region[resume].unwrap_or(0);
            let stop = nlp::tokens_within(doc.tokens, doc.regions[ri].span).end;
            content.push(resume..stop.max(resume + 1));
        } else if comma
            && end >= resume + 2
            && continues_content(doc, resume)
            // "..., said Alfonso Aguilar, the executive director of ...": a role after an
            // inverted speaker is an apposition.
            && !(inverted
                && (cues::is_determiner(doc.word(resume))
                    || doc.word(resume) == "who"
                    // "said Len Burman, head of the Tax Policy Center".
                    || nlp::is_role_head(doc.word(resume))
                    || nlp::is_role_head(doc.word(resume + 1))))
        {
            // "The two nations, Xi said, now have a chance": the sentence goes on.
            content.push(resume..end);
        }
        if content.is_empty() {
            return None;
        }
        return Some(Found {
            content,
            cue: c..c + 1,
            speaker: Some(speaker),
            resolved: None,
            continues: false,
        });
    }

    // "Though she called it “outrageous”, Clinton restricted ...": a subordinate clause's
    // content ends at the comma before the main clause.
    let subordinate = clause_start == first + 1 && cues::is_subordinator(doc.word(first));
    let end = match (c + 2..end)
        .rfind(|&k| subordinate && doc.word(k) == "," && doc.region[k].is_none())
    {
        Some(k) => k,
        None => end,
    };

    // Preposed: "He said (that) content", "She told reporters: “content”", and the participle
    // of a sentence's subject: "Trump attacked the media, saying the coverage was unfair".
    // "began by saying he would ...", "after saying that ...": a gerund after a preposition
    // of manner or time is the sentence subject's too.
    let participle = (w.ends_with("ing")
        && (doc.word(c - 1) == ","
            || (c >= 2 && doc.closes(c - 1) && doc.word(c - 2) == ",")
            || (c > first + 2
                && matches!(doc.word(c - 1), "by" | "after" | "before" | "while")
                && left.is_none()
                && cues::is_speech(w)
                && (matches!(after, "that" | "he" | "she" | "they" | "we" | "i" | "it")
                    || doc.opens(c + 1)))))
        || (left.is_none() && e > first + 1 && matches!(doc.word(e - 1), "and" | "but"));
    // "with his spokesman saying: ...": the participle has its own subject.
    let own_subject = if w.ends_with("ing") {
        (c.saturating_sub(5).max(first)..c)
            .rfind(|&k| doc.word(k) == "with")
            .and_then(|k| {
                (k + 1 < c)
                    .then(|| phrases::subject(doc, k + 1, c - 1))
                    .flatten()
            })
    } else {
        None
    };
    // "Trump said he had not heard the call, but said he was not surprised": a second cue
    // joined by "and"/"but" shares the subject of the cue before it.
    let shared = (left.is_none() && e > r.start + 1 && matches!(doc.word(e - 1), "and" | "but"))
        .then(|| {
            let k = (r.start..e - 1).rfind(|&k| {
                let w = doc.word(k);
                // Not a word of a name: "the United States".
                let name = doc.entity[k].is_some()
                    || (k > r.start
                        && doc.tokens[k].text(doc.text).starts_with(char::is_uppercase));
                !name
                    && doc.region[k].is_none()
                    && (cues::says_or_thinks(w) || cues::takes_object(w))
            })?;
            // "Trump is telling a group that ... and says".
            let b = over_progressive(doc, r.start, before_verb(doc, r.start, k), doc.word(k));
            (b > r.start)
                .then(|| phrases::subject(doc, r.start, b - 1))
                .flatten()
        })
        .flatten();
    let speaker = if let Some(np) = own_subject {
        np
    } else if let Some(np) = shared {
        np
    } else if participle {
        sentence_subject(doc, first, c)?
    } else {
        left?
    };
    // "international doubts over", "a draft proposing ...": a form in -s after a bare word
    // may be a plural noun, and a participle with no comma before it describes a noun. Neither
    // is a cue of the looser frames (objects and topics) below.
    let noun_like = (w.ends_with('s') && {
        let head = doc.word(speaker.end - 1);
        doc.entity[speaker.end - 1].is_none()
            && cues::pronoun(head).is_none()
            && !cues::is_determiner(doc.word(speaker.start))
    }) || (w.ends_with("ing")
        && !doc.closes(c - 1)
        && !matches!(
            doc.word(c - 1),
            "," | "is" | "are" | "was" | "were" | "been" | "be" | "by" | "of"
        ));
    let mut j = c + 1;
    // "vowed to form a task force", "called for a ceasefire", "called on voters to turn out",
    // "urged Republicans to join": the infinitive or the thing called for is the content, with
    // the hearer it is addressed to.
    let hearer_or_object = if express {
        Some(if doc.word(c + 2) == "to" {
            c + 2
        } else {
            c + 3
        })
    } else if cues::is_call(w) {
        match doc.word(j) {
            "for" => Some(j + 1),
            // "called on Gov. Mark Ruiz (R) to resign": over the party label too.
            "on" => phrases::object(doc, j + 1, end)
                .filter(|h| {
                    doc.word(h.end) == "to"
                        || (doc.word(h.end) == "("
                            && (h.end + 1..end.min(h.end + 6))
                                .find(|&k| doc.word(k) == ")")
                                .is_some_and(|k| doc.word(k + 1) == "to"))
                })
                .map(|_| j + 1),
            // "called the charges unsubstantiated": what it was called, and what.
            _ => names_as(doc, c, end).map(|_| j),
        }
    } else if cues::takes_infinitive(w) && doc.word(j) == "to" {
        Some(j)
    } else if cues::is_appeal(w) || matches!(w, "expect" | "expects" | "expected") {
        // "expects them to become less available": what is expected of whom.
        phrases::object(doc, j, end)
            .filter(|h| doc.word(h.end) == "to" && doc.kind(h.end + 1) == Some(TokenKind::Word))
            .map(|_| j)
    } else {
        None
    };
    if let Some(from) = hearer_or_object {
        if end < from + 2 {
            return None;
        }
        let mut end = loose_end(doc, from, end);
        // "called her “third-rate” and boycotted the debate": the speaker's next deed ends
        // what the thing was called.
        if cues::is_call(w) && !matches!(after, "for" | "on") {
            if let Some(k) = names_as(doc, c, end) {
                let next_deed = (k + 1..end).find(|&p| {
                    matches!(doc.word(p), "and" | "but")
                        && doc.region[p].is_none()
                        && doc.entity[p + 1].is_none()
                        && doc.word(p + 1).len() > 4
                        && doc.word(p + 1).ends_with("ed")
                        // "unsubstantiated and fabricated by former employees": a participle
                        // joined to what it was called.
                        && doc.word(p + 2) != "by"
                });
                if let Some(p) = next_deed {
                    end = if doc.word(p - 1) == "," { p - 1 } else { p };
                }
            }
        }
        return Some(Found::said(from..end, c..c + 1, speaker));
    }
    if intent_only && !stance && !talk && !express && !judged {
        return None;
    }
    if cues::takes_hearer(w) {
        // "told reporters that ...", but not "warned the plan could fail".
        if let Some(h) = phrases::object(doc, j, end) {
            // "told reporters he would stay": a subject pronoun after the hearer opens the
            // content ("tell", "assure" and "inform" only: "warned them it" is rarer).
            let pronoun_clause = matches!(
                doc.word(h.end),
                "he" | "she" | "it" | "they" | "we" | "i" | "there"
            ) && matches!(
                w,
                "tell" | "tells" | "told" | "telling" | "assured" | "informed"
            );
            // "asked Sanders whether ...", "asked Obama what he thought", "asked Trump about
            // his statements": a question or a topic put to the hearer.
            let asked = matches!(w, "ask" | "asks" | "asked" | "asking")
                && (cues::is_question_word(doc.word(h.end)) || doc.word(h.end) == "about");
            if matches!(doc.word(h.end), "that" | ":" | "," | "to")
                || doc.opens(h.end)
                || pronoun_clause
                || asked
            {
                j = h.end;
            }
        }
    }
    // "asked whether the deals required ...": a question as the content.
    let question = matches!(
        w,
        "ask" | "asks" | "asked" | "asking" | "wonder" | "wondered"
    ) && cues::is_question_word(doc.word(j));
    // "replied evenly, ...": an adverb after the verb is not content.
    while j < end
        && doc.word(j).len() > 4
        && doc.word(j).ends_with("ly")
        && cues::is_between(doc.word(j))
    {
        j += 1;
    }
    // "said on Tuesday that ...": the content starts at a nearby "that".
    if let Some(t) = (j..(j + 12).min(end)).find(|&t| doc.word(t) == "that") {
        // "says at a campaign stop in Toledo, Ohio, that": commas inside a setting too.
        let setting = matches!(doc.word(j), "in" | "on" | "at" | "during" | "via");
        let words = (j..t).all(|k| {
            // "said in her opening remarks that": a cue word after a determiner is a noun.
            let noun = (k.saturating_sub(2).max(j)..k).any(|i| cues::is_determiner(doc.word(i)));
            (doc.kind(k) == Some(TokenKind::Word) && (noun || !cues::is_speech(doc.word(k))))
                || doc.kind(k) == Some(TokenKind::Number)
                || (doc.word(k) == "," && k > j && setting)
                // "wrote to the senator’s office that": a possessive's mark.
                || matches!(doc.word(k), "’" | "'" | "'s" | "’s")
        }) && (t <= j + 6 || setting);
        // Only over a time or a setting: "said on Tuesday that", "said in a statement that".
        let adverbial = (j..t).any(|k| {
            phrases::is_time_word(doc.word(k))
                || model::calendar::weekday_number(doc.word(k)).is_some()
                || model::calendar::month_number(doc.word(k)).is_some()
        }) || matches!(
            doc.word(j),
            "in" | "on" | "at" | "during" | "after" | "before" | "via"
        )
            // "wrote to the senator's office that": the one addressed.
            || (doc.word(j) == "to"
                && !cues::takes_infinitive(w)
                // Not a relative clause: "adds to the doubt that has hung over".
                && (cues::pronoun(doc.word(t + 1)).is_some()
                    || cues::is_determiner(doc.word(t + 1))
                    || doc.entity[t + 1].is_some()));
        if words && (t == j || adverbial) {
            j = t;
        }
    }
    // "said on Tuesday he was ready", "said last week the talks": a time before a bare clause.
    if cues::takes_bare_clause(w) {
        let mut k = j;
        if matches!(doc.word(k), "on" | "last" | "this" | "late" | "early") {
            k += 1;
        }
        let time = |k: usize| {
            phrases::is_time_word(doc.word(k))
                || model::calendar::weekday_number(doc.word(k)).is_some()
        };
        if time(k) {
            while k < end && (time(k) || matches!(doc.word(k), "night" | "morning" | "evening")) {
                k += 1;
            }
            // "said Monday's speeches ...": a possessive time is the content's subject.
            if k + 1 < end
                && !matches!(doc.word(k), "," | "." | "that" | "'s" | "’s")
                && starts_content(doc, k)
            {
                j = k;
            }
        }
    }
    // "said of the draft: “That is only a blueprint.”": a topic, then the quote after a colon.
    if matches!(doc.word(j), "of" | "about" | "on" | "in" | "at") {
        if let Some(t) = (j + 1..(j + 8).min(end)).find(|&t| doc.word(t) == ":") {
            let words = (j + 1..t).all(|k| doc.kind(k) == Some(TokenKind::Word));
            if words && (t + 1 >= end || doc.opens(t + 1)) {
                j = t;
            }
        }
    }
    // "pointed out that", "spelled out:": a particle before the frame.
    if matches!(doc.word(j), "out" | "up")
        && (doc.word(j + 1) == "that" || doc.word(j + 1) == ":" || doc.opens(j + 1))
    {
        j += 1;
    }
    // "wrote to his 20,000 followers, “…”": the ones addressed, then the quotation.
    if doc.word(j) == "to" {
        if let Some(k) = (j + 1..(j + 10).min(end)).find(|&k| matches!(doc.word(k), "," | ":")) {
            let plain = (j + 1..k).all(|i| {
                doc.region[i].is_none() && !cues::is_speech(doc.word(i)) && doc.word(i) != "that"
            });
            if plain && doc.opens(k + 1) {
                j = k;
            }
        }
    }
    let colon = matches!(doc.word(j), ":" | ",");
    if colon {
        j += 1;
    }
    let framed = doc.word(j) == "that" || (j < end && doc.opens(j)) || colon || question;
    // "Polls show Clinton leading": documents show and find in bare clauses.
    let document = matches!(
        w,
        "show" | "shows" | "showed" | "shown" | "find" | "finds" | "found"
    ) && (speaker.start..speaker.end).any(|k| cues::is_document(doc.word(k)));
    // "the board found the company was at fault", "economists agreed it was": a subject and
    // its verb right after a verb of finding or agreeing are a clause it reports.
    let finding = matches!(
        w,
        "find" | "finds" | "found" | "agree" | "agrees" | "agreed" | "show" | "shows" | "showed"
    ) && phrases::object(doc, j, end).is_some_and(|np| {
        np.end < end && cues::is_auxiliary(doc.word(np.end)) && !doc.is_separator(np.end - 1)
    });
    if !framed && !cues::takes_bare_clause(w) && !document && !finding {
        // "cited the poll", "endorsed Clinton in the race": the object is the content.
        // "warned against hackers", "spoke of the legacy of racism": the topic is the content,
        // unless the phrase is a time or a setting ("said on Tuesday", "spoke on television").
        // "pointed to reports that ...": what is pointed to.
        let pointed_to = (matches!(w, "point" | "points" | "pointed" | "pointing")
            || cues::is_reference(w))
            && doc.word(j) == "to";
        if (cues::is_topic_preposition(doc.word(j)) || pointed_to) && j + 1 < end && !noun_like {
            let k = j + 1 + usize::from(is_article(doc.word(j + 1)));
            let setting = phrases::is_time_word(doc.word(k))
                || model::calendar::weekday_number(doc.word(k)).is_some()
                || model::calendar::month_number(doc.word(k)).is_some()
                || doc.kind(k) == Some(TokenKind::Number)
                || doc.entity[k]
                    .is_some_and(|e| doc.layers.entities[e].kind == nlp::EntityKind::Location);
            if !setting && doc.kind(j + 1) == Some(TokenKind::Word) {
                let end = loose_end(doc, j + 1, end);
                return Some(Found::said(j + 1..end, c..c + 1, speaker));
            }
        }
        // "Voters who oppose it stayed home": in a restrictive relative clause the object
        // ends where the sentence's own verb begins, which we cannot see; leave it.
        let restrictive = e > first + 1
            && matches!(doc.word(e - 1), "who" | "which" | "that")
            && doc.word(e - 2) != ",";
        let object = (stance || judged)
            && !restrictive
            && !noun_like
            && doc.kind(j) == Some(TokenKind::Word)
            && starts_content(doc, j)
            && !matches!(doc.word(j), "by" | "himself" | "herself" | "themselves");
        if !object || end < j + 1 {
            return None;
        }
        let end = loose_end(doc, j, end);
        return Some(Found::said(j..end, c..c + 1, speaker));
    }
    if j >= end && (doc.word(j) == ":" || colon) {
        // "He told reporters:" followed by the quote in the next sentence or paragraph.
        let next = r.end;
        if next < doc.tokens.len() && doc.opens(next) {
            let ri = doc.region[next].unwrap_or(0);
            let stop = nlp::tokens_within(doc.tokens, doc.regions[ri].span).end;
            return Some(Found::said(next..stop, c..c + 1, speaker));
        }
        return None;
    }
    // "61 percent said yes": an answer of one word.
    let answer = end == j + 1 && matches!(doc.word(j), "yes" | "no");
    // "said Friday on the radio", "said an hour into the hearing", "said without another
    // word": a short time or manner with no verb is when or how it was said, not what.
    let when = |k: usize| {
        phrases::is_time_word(doc.word(k))
            || doc.kind(k) == Some(TokenKind::Number)
            || matches!(doc.word(k), "last" | "without" | "if")
            || (doc.word(k) == "that" && phrases::is_time_word(doc.word(k + 1)))
    };
    let adjunct = end <= j + 6
        && cues::is_speech(w)
        && cues::takes_bare_clause(w)
        && when(j)
        && (j..end).all(|k| doc.region[k].is_none() && !cues::is_auxiliary(doc.word(k)));
    if (end < j + 2 && !answer) || !starts_content(doc, j) || adjunct {
        return None;
    }
    let mut end = loose_end(doc, j, end);
    // "wrote to his followers, “…,” and shared a link": a closed quotation after the frame is
    // the content, not the narration after it.
    if let Some(ri) = doc.region[j].filter(|_| colon && doc.opens(j)) {
        if doc.regions[ri].closed {
            end = end.min(nlp::tokens_within(doc.tokens, doc.regions[ri].span).end);
        }
    }
    Some(Found::said(j..end, c..c + 1, speaker))
}

/// "Trump has a decisive lead in the polls", "she fell to 10 percent in the latest CNN poll":
/// a standing reported in polls, which are its source. The content is the clause before "in".
fn in_polls(doc: &Doc, r: std::ops::Range<usize>, c: usize, claimed: &[bool]) -> Option<Found> {
    let plain = |k: usize| {
        doc.region[k].is_none()
            && !matches!(
                doc.word(k),
                "," | ";" | ":" | "." | "(" | ")" | "—" | "–" | "--" | "that" | "who" | "which"
            )
    };
    let poll = (c + 1..(c + 10).min(r.end))
        .take_while(|&k| plain(k))
        .find(|&k| matches!(doc.word(k), "poll" | "polls" | "survey" | "surveys"))?;
    // "Voters who took part in the survey said": the poll is where they spoke, not a source.
    if matches!(
        doc.word(c - 1),
        "part" | "participated" | "surveyed" | "questioned" | "interviewed" | "polled" | "included"
    ) || (poll + 1..r.end).any(|k| cues::says_or_thinks(doc.word(k)))
    {
        return None;
    }
    let mut start = c;
    while start > r.start {
        let w = doc.word(start - 1);
        let boundary = cues::is_subordinator(w)
            || matches!(
                w,
                "," | ";"
                    | ":"
                    | "—"
                    | "–"
                    | "--"
                    | "as"
                    | "that"
                    | "but"
                    | "and"
                    | "when"
                    | "where"
                    | "who"
                    | "which"
            );
        if boundary || doc.region[start - 1].is_some() || claimed[start - 1] {
            break;
        }
        start -= 1;
    }
    let clause = start..c;
    // "with 6 percent in the poll", "compared to 50 percent in ...": no clause of its own.
    if clause.len() < 2
        || doc.kind(start) != Some(TokenKind::Word)
        || matches!(
            doc.word(start),
            "with" | "compared" | "depending" | "in" | "at"
        )
        || clause.clone().any(|k| cues::says_or_thinks(doc.word(k)))
    {
        return None;
    }
    Some(Found::said(clause, c..c + 1, Np::new(c + 1, poll + 1)))
}

/// "called the charges unsubstantiated", "called him “a liar”": an object after "call" with
/// what it was called after it. Returns where that second part starts.
fn names_as(doc: &Doc, c: usize, end: usize) -> Option<usize> {
    let np = phrases::object(doc, c + 1, end)?;
    let mut k = np.end;
    if k >= end {
        // The object ran to the end: "called the charges unsubstantiated" as one phrase. What
        // it was called starts at an article or a quotation inside it, or is its last word.
        k = (np.start + 1..end)
            .find(|&i| matches!(doc.word(i), "a" | "an") || doc.opens(i))
            .unwrap_or(end - 1);
        if k <= np.start + 1 {
            return None;
        }
    }
    // "called the charges unsubstantiated and fabricated": the phrase stopped at a word that
    // cannot say what it was called, so its own last word does.
    let body = np.start + usize::from(cues::is_determiner(doc.word(np.start)));
    if matches!(doc.word(k), "and" | "or" | "by")
        && np.end >= body + 2
        && doc.entity[k - 1].is_none()
    {
        k -= 1;
    }
    // "called both Trump and Clinton “crazy”", "called Clinton, his challenger, an ISIS
    // “co-founder”": what it was called, in quotation marks, a little further on.
    if !doc.opens(k) && matches!(doc.word(k), "and" | ",") {
        if let Some(q) = (k + 1..end.min(k + 12)).find(|&i| doc.opens(i)) {
            let plain = (k + 1..q).all(|i| {
                doc.region[i].is_none()
                    && !cues::is_speech(doc.word(i))
                    && !matches!(doc.word(i), "." | ";" | ":")
            });
            if plain {
                return Some(q);
            }
        }
    }
    let w = doc.word(k);
    // "call it the costliest bridge", "calls the valley her home": a determiner opens the name.
    let word = doc.kind(k) == Some(TokenKind::Word)
        && (cues::is_determiner(w) || !nlp::is_function_word(w))
        && !cues::is_between(w)
        && !matches!(
            w,
            "off" | "up" | "back" | "out" | "down" | "over" | "into" | "to"
        );
    (word || doc.opens(k)).then_some(k)
}

/// Whether most words of the sentence are capitalised, as in a headline.
fn title_case(doc: &Doc, r: &std::ops::Range<usize>) -> bool {
    let words: Vec<&str> = r
        .clone()
        .filter(|&k| doc.kind(k) == Some(TokenKind::Word))
        .map(|k| doc.tokens[k].text(doc.text))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    words.len() >= 3 && caps * 3 >= words.len() * 2
}

/// Where the words before the verb at `c` start, over auxiliaries and adverbs ("has also
/// said"), not before `lo`.
fn before_verb(doc: &Doc, lo: usize, c: usize) -> usize {
    let mut e = c;
    // Not over a name that looks like an adverb: "Jolly said".
    while e > lo
        && cues::is_between(doc.word(e - 1))
        && !(doc.entity[e - 1].is_some()
            || (e - 1 == lo
                && doc.tokens[e - 1]
                    .text(doc.text)
                    .starts_with(char::is_uppercase)
                && doc.word(e - 1).ends_with("ly")))
    {
        e -= 1;
    }
    e
}

/// Where the speaker of a progressive cue ends: before its auxiliary ("He was referring to",
/// "they are talking about"); `at` is where it ends for other cues.
fn over_progressive(doc: &Doc, lo: usize, at: usize, cue: &str) -> usize {
    let progressive = cue.ends_with("ing")
        && cue != "continuing"
        && at > lo
        && matches!(
            doc.word(at - 1),
            "is" | "are" | "was" | "were" | "been" | "am"
        );
    if progressive {
        before_verb(doc, lo, at - 1)
    } else {
        at
    }
}

/// After a postposed "he said", a short tail that is not content: "..., he said on Tuesday."
fn takes_short_tail(doc: &Doc, c: usize, end: usize) -> bool {
    // "..., Crowley told Becerra, alluding to ...": not part of the tail.
    let end = remark_after_comma(doc, c, end);
    // "In Texas, half of the voters said they were angry": a short clause is the content.
    let clause = end > c + 2
        && matches!(
            doc.word(c + 1),
            "i" | "we" | "you" | "he" | "she" | "they" | "it" | "there"
        );
    // "Hours later, Intel said the event was canceled": a verb makes the tail a clause.
    let stop = (c + 1..end).find(|&k| doc.word(k) == ",").unwrap_or(end);
    let verb = (c + 1..stop).any(|k| cues::is_auxiliary(doc.word(k)));
    !clause && ((end <= c + 5 && !verb) || adjunct_tail(doc, c, end)) && plain_tail(doc, c, end)
}

/// Where a participle after a comma starts a remark of its own ("..., noting that"), or `end`.
fn remark_after_comma(doc: &Doc, c: usize, end: usize) -> usize {
    (c + 2..end)
        .find(|&k| doc.word(k - 1) == "," && doc.word(k).ends_with("ing") && doc.word(k).len() > 4)
        .map_or(end, |k| k - 1)
}

/// A tail that starts like an adverbial: "said in a statement", "said on Tuesday".
fn adjunct_tail(doc: &Doc, c: usize, end: usize) -> bool {
    // "told his advisers as he labored over the speech": a clause of time or manner.
    let clause = (matches!(doc.word(c + 1), "as" | "because" | "since")
        && cues::pronoun(doc.word(c + 2)).is_some())
        // "said matter-of-factly as confetti fluttered down": a manner, then a time clause.
        || (doc.word(c + 1).ends_with("ly")
            && matches!(doc.word(c + 2), "as" | "while" | "when"));
    // "told reporters this week", not "told reporters this was the last chance".
    let time_next = phrases::is_time_word(doc.word(c + 2));
    let adjunct = clause
        || (matches!(doc.word(c + 1), "last" | "this") && time_next)
        || matches!(
            doc.word(c + 1),
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "to"
                | "of"
                | "from"
                | "while"
                | "when"
                | "earlier"
                | "later"
                | "yesterday"
                | "today"
        )
        || model::calendar::weekday_number(doc.word(c + 1)).is_some();
    adjunct && plain_tail(doc, c, end)
}

/// A tail with no quote, no "that" and no other cue in it.
fn plain_tail(doc: &Doc, c: usize, end: usize) -> bool {
    // "..., noting the nominee ...".
    let end = remark_after_comma(doc, c, end);
    (c + 1..end).all(|k| {
        // "the continued questions": a participle after a determiner is an adjective; "failed
        // to show up": an infinitive is no cue of its own either.
        // "in a June report": a cue a few words after a determiner is a noun.
        let adjective = doc.word(k - 1) == "to"
            || (k.saturating_sub(3).max(c + 1)..k)
                .rev()
                .take_while(|&i| doc.kind(i) == Some(TokenKind::Word))
                .any(|i| cues::is_determiner(doc.word(i)));
        // "on the podcast “Here's the Thing”": a title after a word, not a quote after a comma.
        let title = doc.region[k].is_some_and(|ri| {
            let open = nlp::tokens_within(doc.tokens, doc.regions[ri].span).start;
            open > c + 1 && doc.kind(open - 1) == Some(TokenKind::Word)
        });
        // "told MSNBC Monday when asked about ...": a question put to the speaker.
        let asked = doc.word(k) == "asked" && matches!(doc.word(k - 1), "when" | "after" | "if");
        (doc.region[k].is_none() || title)
            && doc.word(k) != "that"
            && (adjective || asked || !(cues::says_or_thinks(doc.word(k))))
    })
}

/// Where reported content gives way to another speaker's attribution: "The Kremlin said talks
/// would resume, and Downing Street warned ..." ends the Kremlin's content before ", and".
fn next_attribution(doc: &Doc, j: usize, end: usize) -> Option<usize> {
    for k in j + 2..end {
        let w = doc.word(k);
        // "Barkley, who said he votes democratic, said one candidate ...": the subject's own
        // verb after the relative clause.
        if doc.word(k - 1) == ","
            && matches!(w, "said" | "says")
            && doc.region[k].is_none()
            && doc.word(j) != "that"
        {
            return Some(k - 1);
        }
        // "called him reckless and accused him of lying": a stance verb joined after.
        let joined_stance = cues::takes_object(w)
            && w.ends_with("ed")
            && matches!(doc.word(k - 1), "and" | "but")
            && (matches!(
                doc.word(k + 1),
                "him" | "her" | "them" | "the" | "his" | "their"
            ) || doc.entity[k + 1].is_some());
        if joined_stance && doc.region[k].is_none() {
            let mut stop = k - 1;
            while stop > j + 1 && matches!(doc.word(stop - 1), "," | ";") {
                stop -= 1;
            }
            return Some(stop);
        }
        if doc.region[k].is_some() || !(cues::says_or_thinks(w) || cues::is_call(w)) {
            continue;
        }
        let e = before_verb(doc, j, k);
        // "He said the attacks worked and said that ...": the same speaker's next statement.
        if e > j + 2
            && matches!(doc.word(e - 1), "and" | "but")
            && (w == "said"
                || w == "told"
                || w.ends_with("ed")
                || (w.ends_with('s') && cues::is_speech(w)))
            // "and suspected immediately that": over an adverb.
            && (matches!(
                doc.word(k + 1 + usize::from(doc.word(k + 1).ends_with("ly"))),
                "that" | "he" | "she" | "they" | "it" | "the"
            ) || (w == "said" && doc.kind(k + 1) == Some(TokenKind::Word)))
        {
            let mut stop = e - 1;
            while stop > j + 1 && matches!(doc.word(stop - 1), "," | ";") {
                stop -= 1;
            }
            return Some(stop);
        }
        let Some(np) = phrases::subject(doc, j, e.checked_sub(1)?) else {
            continue;
        };
        let Some(p) = np.clause_start.checked_sub(1).filter(|&p| p > j) else {
            continue;
        };
        // "which supports Kyiv, Macron warned ...": a new speaker after a comma too (one who
        // says or thinks; "called" after a comma is too often a name-calling aside).
        let comma = doc.word(p) == "," && !cues::is_call(w);
        if comma
            || matches!(
                doc.word(p),
                "and" | "but" | "though" | "although" | "while" | "whereas" | ";"
            )
        {
            let mut stop = p;
            while stop > j + 1 && matches!(doc.word(stop - 1), "," | ";") {
                stop -= 1;
            }
            return Some(stop);
        }
    }
    None
}

/// Where the content of a loose frame (an object, a topic, an infinitive) ends: at the next
/// attribution, or before a quotation that follows a comma, which is a quote of its own:
/// "expressed hope to meet soon, “but only when the deal is final.”"
fn loose_end(doc: &Doc, from: usize, end: usize) -> usize {
    let end = next_attribution(doc, from, end).unwrap_or(end);
    // "..., referring to the convention", "..., adding that": a participle cue after a comma
    // starts a remark of its own.
    let end = (from + 1..end)
        .find(|&k| {
            let w = doc.word(k);
            // The comma may sit inside a closing mark: "“... by Cleveland,” referring to".
            let comma =
                doc.word(k - 1) == "," || (k >= 2 && doc.closes(k - 1) && doc.word(k - 2) == ",");
            comma
                && doc.region[k].is_none()
                && w.ends_with("ing")
                && (cues::says_or_thinks(w) || cues::is_reference(w))
        })
        .map_or(end, |k| if doc.closes(k - 1) { k } else { k - 1 });
    // "said the culprit is his rival, and he railed against ...": a clause joined after a
    // comma with a subject of its own is the writer's narration again.
    let end = (from + 2..end)
        .find(|&k| {
            doc.word(k) == ","
                && doc.region[k].is_none()
                && matches!(doc.word(k + 1), "and" | "but")
                && matches!(doc.word(k + 2), "he" | "she" | "they")
        })
        .unwrap_or(end);
    (from + 1..end)
        .find(|&k| doc.word(k) == "," && k + 1 < end && doc.opens(k + 1))
        .unwrap_or(end)
}

/// Whether the words after "…, he said," go on with the content rather than a new clause.
fn continues_content(doc: &Doc, j: usize) -> bool {
    let w = doc.word(j);
    // "..., Sanders said, going on to contrast ...": a participle describes the speaker.
    let participle = w.len() > 4 && w.ends_with("ing");
    starts_content(doc, j)
        && !participle
        && !cues::is_speech(w)
        && !cues::is_thought(w)
        && !matches!(
            w,
            "after"
                | "before"
                | "when"
                | "while"
                | "as"
                | "because"
                | "since"
                | "during"
                | "according"
                | "though"
                | "although"
                | "if"
                | "then"
                | "who"
                | "which"
                | "where"
        )
}

/// A person or "he"/"she" opening the sentence (after a leading "But", "And" or "Later").
fn person_subject(doc: &Doc, first: usize, before: usize) -> Option<Np> {
    let mut k = first;
    while k < before && matches!(doc.word(k), "but" | "and" | "later" | "then" | "yet" | "so") {
        k += 1;
    }
    if matches!(doc.word(k), "he" | "she") {
        return Some(Np::new(k, k + 1));
    }
    let e = &doc.layers.entities[doc.entity[k]?];
    let r = nlp::tokens_within(doc.tokens, e.span);
    (e.kind == EntityKind::Person && r.end <= before).then_some(Np::new(r.start, r.end))
}

/// The subject a participle cue belongs to: the first name, pronoun or phrase of the sentence.
fn sentence_subject(doc: &Doc, first: usize, c: usize) -> Option<Np> {
    // A pronoun opening the sentence is its subject: "He said the attacks worked and said
    // that Trump would lose" is his, not Trump's.
    if first < c
        && doc.region[first].is_none()
        && doc.kind(first) == Some(TokenKind::Word)
        && cues::pronoun(doc.word(first)).is_some_and(|p| p != cues::Pronoun::Relative)
    {
        return Some(Np::new(first, first + 1));
    }
    // The first person or organisation named outside quotation marks.
    let named = (first..c).find(|&k| {
        doc.region[k].is_none()
            && doc.entity[k].is_some_and(|e| {
                matches!(
                    doc.layers.entities[e].kind,
                    EntityKind::Person | EntityKind::Organization
                )
            })
    });
    if let Some(k) = named {
        let r = nlp::tokens_within(doc.tokens, doc.layers.entities[doc.entity[k]?].span);
        return Some(Np::new(r.start, r.end));
    }
    let k =
        (first..c).find(|&k| doc.region[k].is_none() && doc.kind(k) == Some(TokenKind::Word))?;
    if let Some(ei) = doc.entity[k] {
        let e = &doc.layers.entities[ei];
        if e.kind != EntityKind::Misc {
            let r = nlp::tokens_within(doc.tokens, e.span);
            return Some(Np::new(r.start, r.end));
        }
    }
    if cues::pronoun(doc.word(k)).is_some_and(|p| p != cues::Pronoun::Relative) {
        return Some(Np::new(k, k + 1));
    }
    if cues::is_determiner(doc.word(k)) {
        return phrases::object(doc, k, c);
    }
    // Otherwise a run of capitalised words: "Trump attacked ..." gives "Trump".
    let end = (k..c)
        .find(|&j| {
            !doc.tokens[j]
                .text(doc.text)
                .starts_with(|ch: char| ch.is_uppercase())
        })
        .unwrap_or(c);
    (end > k && end < c).then_some(Np {
        start: k,
        end,
        clause_start: k,
    })
}

fn is_article(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "this" | "last" | "next")
}

/// Whether token `j` can begin reported content (not a preposition or a bare object).
fn starts_content(doc: &Doc, j: usize) -> bool {
    // "said about half of ...", "said over 200 people": a qualifier before a number.
    if matches!(doc.word(j), "about" | "over" | "up")
        && (doc.kind(j + 1) == Some(TokenKind::Number)
            || matches!(doc.word(j + 1), "half" | "a" | "one" | "two" | "three"))
    {
        return true;
    }
    !matches!(
        doc.word(j),
        "to" | "of"
            | "for"
            | "about"
            | "on"
            | "in"
            | "at"
            | "by"
            | "with"
            | "from"
            | "as"
            | "into"
            | "up"
            | "out"
            | "off"
            | "over"
            | "down"
            | "and"
            | "or"
            | "but"
            | "according"
            | "during"
            | "via"
            | ")"
            | "("
    )
}

/// "When asked whether he would run, Smith said ...", "Asked about the vote, she ...": the
/// question put to the sentence's speaker, asked by someone named after "by" or by no one
/// the text names.
fn asked_of(doc: &Doc, r: std::ops::Range<usize>, c: usize) -> Option<Found> {
    // "the actress was asked if ...", "Sanders was asked by the host whether ...": a passive
    // names the one asked before it and the asker, if at all, after "by".
    let lead = c == r.start
        || matches!(
            doc.word(c - 1),
            "when" | "whenever" | "after" | "once" | "if" | "while" | "was" | "were" | "been"
        )
        || (doc.word(c - 1) == ","
            && doc.kind(c + 1) == Some(TokenKind::Word)
            && !doc.opens(c + 1));
    if !lead {
        return None;
    }
    let end = trimmed_end(doc, c + 1, &r);
    let mut j = c + 1;
    // "asked by a reporter whether": the one who asked.
    let asker = if doc.word(j) == "by" {
        let np = phrases::object(doc, j + 1, end)?;
        j = np.end;
        Some(np)
    } else {
        None
    };
    while j < end && doc.word(j).len() > 4 && doc.word(j).ends_with("ly") {
        j += 1;
    }
    let question = cues::is_question_word(doc.word(j)) || doc.word(j) == "to";
    let topic = matches!(doc.word(j), "about" | "for");
    if !(question || topic) || j + 1 >= end {
        return None;
    }
    let start = if topic { j + 1 } else { j };
    let stop = (start + 1..end)
        .find(|&k| doc.word(k) == "," && doc.region[k].is_none())
        .unwrap_or(end);
    if stop <= start || doc.region[start].is_some() {
        return None;
    }
    Some(Found {
        content: vec![start..stop],
        cue: c..c + 1,
        speaker: asker,
        resolved: None,
        continues: false,
    })
}

/// "According to X, content." and "Content, according to X."
fn according(doc: &Doc, r: std::ops::Range<usize>, c: usize, claimed: &[bool]) -> Option<Found> {
    let end = trimmed_end(doc, c + 2, &r);
    // "according to show insiders": after "to" a cue word is a noun too.
    let np = phrases::object(doc, c + 2, end).or_else(|| {
        // "the “Medicare for all” document": a title in quotes inside the phrase.
        let stop = (c + 2..end.min(c + 12))
            .find(|&k| {
                let w = doc.word(k);
                let part = doc.kind(k) == Some(TokenKind::Word)
                    && (!nlp::is_function_word(w) || cues::is_determiner(w));
                doc.region[k].is_none() && !part
            })
            .unwrap_or(end.min(c + 12));
        (stop > c + 2).then_some(Np::new(c + 2, stop))
    })?;
    // "a transcription of their conversation Bloomberg reported": a name right after a common
    // noun that is no role starts a clause of its own.
    let mut np = np;
    if let Some(k) = (np.start + 2..np.end).find(|&k| {
        let before = doc.word(k - 1);
        doc.entity[k].is_some()
            && doc.entity[k - 1].is_none()
            && doc.kind(k - 1) == Some(TokenKind::Word)
            && doc.tokens[k - 1]
                .text(doc.text)
                .starts_with(char::is_lowercase)
            && !nlp::is_function_word(before)
            && !nlp::is_role_head(before)
            && !matches!(before, "former" | "then" | "acting")
    }) {
        np.end = k;
    }
    // "a count by The Associated Press": the source's own source belongs to it.
    if matches!(doc.word(np.end), "by" | "from") {
        if let Some(more) = phrases::object(doc, np.end + 1, end) {
            np.end = more.end;
        }
    }
    let mut first = r.start;
    while first < c && claimed[first] {
        first += 1;
    }
    // "But according to X, ...", "In addition, according to X, ...", "Now, according to X,":
    // the source leads, after at most a short adverbial.
    let lead = (first..c).all(|k| matches!(doc.word(k), "but" | "and" | "," | "so" | "yet"))
        || (c > first && c <= first + 4 && doc.word(c - 1) == ",");
    let lead_comma = if lead {
        // "according to reports emerging in the news media, he ...": the source runs to its
        // comma.
        (np.end..end.min(np.end + 10))
            .find(|&k| doc.word(k) == "," || doc.region[k].is_some())
            .filter(|&k| doc.word(k) == ",")
    } else {
        None
    };
    // "Fundraising, according to the campaign, has surged": a verb after the source means the
    // words before it were the subject, not an adverbial.
    let verb_after = |k: usize| {
        let w = doc.word(k + 1);
        cues::is_auxiliary(w) || (w.ends_with("ed") && doc.entity[k + 1].is_none())
    };
    let adverbial_lead =
        (first..c).all(|k| matches!(doc.word(k), "but" | "and" | "," | "so" | "yet"));
    let lead_comma = lead_comma.filter(|&k| adverbial_lead || !verb_after(k));
    let content = if let Some(comma) = lead_comma.filter(|&k| k + 3 <= end) {
        np.end = comma;
        comma + 1..end
    } else if c > first + 1 && doc.is_separator(c - 1) {
        let stop = if doc.closes(c - 1) { c } else { c - 1 };
        // "Fundraising, according to the campaign, has surged": the sentence goes on after
        // the source.
        let comma = (np.end..end.min(np.end + 10)).find(|&k| doc.word(k) == ",");
        if let Some(comma) =
            comma.filter(|&k| k + 2 < end && doc.word(c - 1) == "," && verb_after(k))
        {
            np.end = comma;
            let mut f = Found::said(first..stop, c..c + 2, np);
            f.content.push(comma + 1..end);
            return Some(f);
        }
        // "“...,” Sanders said, according to CNN": the words before are a report of their
        // own, which the source passes on; they are no content.
        let report = stop <= first + 8
            && (first..stop).any(|k| cues::is_speech(doc.word(k)) && doc.region[k].is_none());
        if c <= first + 2 || report {
            return None;
        }
        first..stop
    } else if c > first + 2 && (np.end >= end || doc.word(np.end) == ",") {
        // "Clinton leads by 271 delegates according to a count by The Associated Press, but":
        // the phrase before, when no comma sets it off.
        first..c
    } else {
        return None;
    };
    Some(Found::said(content, c..c + 2, np))
}

/// A claim named by a noun with its owner: "Trump's claim that ...", "his promise to ...",
/// "Clinton's call for ...". The owner is the speaker; what follows the frame word is the content.
fn claim_noun(doc: &Doc, r: std::ops::Range<usize>, c: usize, claimed: &[bool]) -> Option<Found> {
    let frame = doc.word(c + 1);
    if !matches!(frame, "that" | "to" | "for" | "of" | "about" | "on") || c < r.start + 1 {
        return None;
    }
    // The frame must open what is claimed: "that" and "to" a clause, the others a phrase.
    if frame == "to" && doc.kind(c + 2) != Some(TokenKind::Word) {
        return None;
    }
    let owner = if matches!(doc.word(c - 1), "his" | "her" | "their" | "its") {
        Np::new(c - 1, c)
    } else if cues::is_possessive(doc.word(c - 1)) && c >= r.start + 2 {
        let e = c - 2;
        let ei = doc.entity[e]?;
        let name = nlp::tokens_within(doc.tokens, doc.layers.entities[ei].span);
        Np::new(name.start, name.end)
    } else {
        return None;
    };
    if (owner.start..c + 2).any(|k| claimed[k]) {
        return None;
    }
    let from = if frame == "to" { c + 1 } else { c + 2 };
    let end = trimmed_end(doc, from, &r);
    if end < from + 2 {
        return None;
    }
    let end = loose_end(doc, from, end);
    Some(Found::said(from..end, c..c + 1, owner))
}

/// A headline-style attribution: "Peskov: talks will go on".
fn headline_colon(doc: &Doc, r: std::ops::Range<usize>, claimed: &[bool]) -> Option<Found> {
    let colon = (r.start + 1..r.end.min(r.start + 7)).find(|&k| doc.word(k) == ":")?;
    // The speaker: a person or an organisation opening the line ("Elizabeth Warren:", "Clinton
    // to Planned Parenthood:", "Gillibrand on the speeches:"), or a short phrase ending in a
    // document or a group ("Poll:", "Clinton camp:", "NY Daily News:").
    let name = doc.entity[r.start].and_then(|ei| {
        let entity = &doc.layers.entities[ei];
        matches!(entity.kind, EntityKind::Person | EntityKind::Organization)
            .then(|| nlp::tokens_within(doc.tokens, entity.span))
            .filter(|name| name.start == r.start && name.end <= colon)
    });
    let line_start = doc.text[..doc.tokens[r.start].span.start()]
        .trim_end_matches([' ', '\t'])
        .ends_with('\n')
        || doc.tokens[r.start].span.start() == 0;
    let name = match name {
        Some(name)
            if name.end == colon
                || (line_start && matches!(doc.word(name.end), "to" | "on" | "about" | "says")) =>
        {
            name
        }
        _ => {
            let last = doc.word(colon - 1);
            let group = cues::is_document(last)
                || matches!(
                    last,
                    "camp"
                        | "campaign"
                        | "newspaper"
                        | "news"
                        | "post"
                        | "times"
                        | "aide"
                        | "aides"
                );
            let words = (r.start..colon).all(|k| doc.kind(k) == Some(TokenKind::Word));
            let capital = doc.tokens[r.start]
                .text(doc.text)
                .starts_with(char::is_uppercase);
            // "McCain Challenger Kelli Ward:", "EXCLUSIVE – Roger Stone:": a name with its role
            // or a label before it, the name right before the colon.
            let named = doc.entity[colon - 1].is_some_and(|ei| {
                let entity = &doc.layers.entities[ei];
                matches!(entity.kind, EntityKind::Person | EntityKind::Organization)
                    && nlp::tokens_within(doc.tokens, entity.span).end == colon
            }) && (r.start..colon).all(|k| {
                // Not "Netanyahu and Obama:", "Big Win For Bernie:": a topic, not a speaker.
                (doc.kind(k) == Some(TokenKind::Word) && !nlp::is_function_word(doc.word(k)))
                    || matches!(doc.word(k), "–" | "—" | "-" | ".")
            });
            if !(line_start && capital && ((group && words) || named)) {
                return None;
            }
            r.start..colon
        }
    };
    let start = colon + 1;
    let end = trimmed_end(doc, start, &r);
    if end < start + 3 || claimed[start..end].iter().any(|&c| c) {
        return None;
    }
    Some(Found {
        content: vec![start..end],
        cue: colon..colon + 1,
        speaker: Some(Np::new(name.start, name.end)),
        resolved: None,
        continues: false,
    })
}

/// Quoted passages of four words or more that no cue claimed: a quote paragraph that goes on
/// from the one before, or a quote whose speaker the text never names.
/// Adds a quote to a list kept in the order of where content starts.
fn insert_in_order(found: &mut Vec<Found>, f: Found) {
    let at = found.partition_point(|g| g.content[0].start < f.content[0].start);
    found.insert(at, f);
}

/// The name that signs a quote ending before token `k`: a dash, then a few capitalised words
/// (a name, or initials) that end the line or the sentence: "” ― Karen Bobadilla."
fn signed_by(doc: &Doc, k: usize) -> Option<Np> {
    if k >= doc.tokens.len() || !matches!(doc.word(k), "―" | "—" | "–" | "-" | "--") {
        return None;
    }
    let same_line = |a: usize, b: usize| {
        !doc.text[doc.tokens[a].span.end()..doc.tokens[b].span.start()].contains('\n')
    };
    let start = k + 1;
    if start >= doc.tokens.len() || !same_line(k, start) {
        return None;
    }
    let mut end = start;
    while end < doc.tokens.len()
        && end < start + 6
        && (end == start || same_line(end - 1, end))
        && (doc.tokens[end]
            .text(doc.text)
            .starts_with(char::is_uppercase)
            || (doc.word(end) == "." && end > start && doc.word(end - 1).len() == 1))
    {
        end += 1;
    }
    let closed = end == doc.tokens.len()
        || !same_line(end - 1, end)
        || (matches!(doc.word(end), "." | ",")
            && (end + 1 == doc.tokens.len() || !same_line(end, end + 1)));
    (end > start && closed && doc.kind(start) == Some(TokenKind::Word)).then_some(Np {
        start,
        end,
        clause_start: start,
    })
}

fn unattributed(doc: &Doc, claimed: &[bool]) -> Vec<Found> {
    let mut out = Vec::new();
    for region in &doc.regions {
        let toks = nlp::tokens_within(doc.tokens, region.span);
        if toks.is_empty() || toks.clone().any(|k| claimed[k]) {
            continue;
        }
        let words = toks
            .clone()
            .filter(|&k| doc.kind(k) == Some(TokenKind::Word))
            .count();
        // A short quote inside a sentence is a scare quote or a title, not a statement.
        let sentence = doc.ranges[doc.sentence[toks.start]].clone();
        let whole = toks.start <= sentence.start + 1 && toks.end + 2 >= sentence.end;
        if words < 4 || (!whole && words < 8) {
            continue;
        }
        out.push(Found {
            content: vec![toks],
            cue: 0..0,
            speaker: None,
            resolved: None,
            continues: true,
        });
    }
    out
}

#[cfg(test)]
mod tests;
