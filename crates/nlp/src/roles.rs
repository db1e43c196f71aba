//! Roles and titles attached to person mentions: "Kremlin spokesman Dmitry Peskov",
//! "former U.S. President Joe Biden", "Yuri Ushakov, Putin's foreign policy aide, said".

use crate::{tokens_within, Entity, EntityKind, Token, TokenKind};
use model::Span;

/// A role phrase attached to one person mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    /// The person mention the role belongs to.
    pub person: Span,
    /// The role phrase, without a leading article.
    pub role: Span,
    /// The phrase says the person no longer holds the role ("former", "ex-").
    pub former: bool,
}

/// Nouns that head a role phrase: offices, titles and occupations that news attaches to names.
const HEADS: &[&str] = &[
    "president",
    "vice-president",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "ambassador",
    "aide",
    "adviser",
    "advisor",
    "governor",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sheikh",
    "pope",
    "archbishop",
    "bishop",
    "cardinal",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "cfo",
    "founder",
    "co-founder",
    "owner",
    "commander",
    "general",
    "colonel",
    "lieutenant",
    "captain",
    "sergeant",
    "admiral",
    "marshal",
    "leader",
    "head",
    "official",
    "officer",
    "representative",
    "deputy",
    "negotiator",
    "diplomat",
    "counsellor",
    "counselor",
    "attorney",
    "prosecutor",
    "judge",
    "justice",
    "speaker",
    "mp",
    "mep",
    "candidate",
    "nominee",
    "editor",
    "correspondent",
    "analyst",
    "economist",
    "professor",
    "researcher",
    "scientist",
    "manager",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "player",
    "chef",
    "spokesmen",
    "presidents",
    "ministers",
    "executive",
    "strategist",
    "commissioner",
    "inspector",
    "administrator",
    "superintendent",
    "sheriff",
    "dean",
    "rector",
    "treasurer",
    "auditor",
    "governor-general",
    "monarch",
    "dictator",
    "oligarch",
    "businessman",
    "businesswoman",
    "billionaire",
    "activist",
    "lawyer",
    "journalist",
    "reporter",
    "columnist",
    "author",
    "writer",
    "actor",
    "actress",
    "singer",
    "rapper",
    "director-general",
    "secretary-general",
    "under-secretary",
    "undersecretary",
    "czar",
    "tsar",
];

/// Words that modify a role head without being one: ranks, portfolios, fields.
const MODIFIERS: &[&str] = &[
    "former",
    "ex",
    "then",
    "acting",
    "interim",
    "outgoing",
    "incoming",
    "late",
    "current",
    "newly",
    "elected",
    "designate",
    "vice",
    "deputy",
    "assistant",
    "associate",
    "senior",
    "junior",
    "chief",
    "top",
    "lead",
    "special",
    "first",
    "second",
    "prime",
    "foreign",
    "policy",
    "defence",
    "defense",
    "interior",
    "home",
    "finance",
    "economy",
    "economic",
    "trade",
    "state",
    "national",
    "security",
    "press",
    "communications",
    "military",
    "intelligence",
    "health",
    "energy",
    "justice",
    "education",
    "transport",
    "environment",
    "agriculture",
    "labour",
    "labor",
    "culture",
    "sports",
    "sport",
    "presidential",
    "royal",
    "general",
    "executive",
    "managing",
    "operating",
    "financial",
    "technical",
    "team",
    "party",
    "opposition",
    "peace",
    "union",
    "federal",
    "regional",
    "local",
    "city",
    "county",
    "district",
    "provincial",
    "government",
    "cabinet",
    "white",
    "house",
    "news",
    "agency",
    "company",
    "campaign",
    "political",
    "affairs",
    "relations",
    "u.s.",
    "us",
    "uk",
    "eu",
    "un",
];

/// Words of time that end a role phrase: "on Tuesday President ..." does not make Tuesday a role.
fn is_time_word(w: &str) -> bool {
    matches!(w, "today" | "yesterday" | "tomorrow")
        || model::calendar::MONTHS.contains(&w)
        || model::calendar::WEEKDAYS.contains(&w)
}

const ARTICLES: &[&str] = &["the", "a", "an"];

/// Honorifics between a role and a name ("Prime Minister Sir Keir Starmer"): part of neither.
const HONORIFICS: &[&str] = &[
    "sir", "dame", "lord", "lady", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
];

/// Whether a word (any case, with or without its full stop) is a title written as part of a
/// name rather than a first name: an honorific ("Sir", "Mr."), an abbreviated title ("Sen."),
/// or a role noun ("Mayor Rudy Giuliani", "Prime Minister Keir Starmer").
pub fn is_name_title(w: &str) -> bool {
    let l = w.trim_end_matches('.').to_lowercase();
    HONORIFICS.contains(&l.as_str())
        || crate::is_title_abbreviation(&l)
        || is_role_head(&l)
        || l == "prime"
}

/// The office a role phrase names: its head noun, lower case and singular ("Former US
/// President" and "presidents" → "president", "special envoys" → "envoy").
pub fn office(role: &str) -> String {
    let w = role
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    match w.strip_suffix('s') {
        Some(one) if HEADS.contains(&one) => one.to_string(),
        _ => w,
    }
}

fn lower(t: &Token, text: &str) -> String {
    t.text(text).to_lowercase()
}

/// Whether a lower-case word is a noun that heads a role phrase ("spokesman", "ex-minister").
pub fn is_role_head(w: &str) -> bool {
    let w = w.strip_prefix("ex-").unwrap_or(w);
    // Plurals name the role of each person they precede ("special envoys X and Y").
    HEADS.contains(&w) || (w.len() > 5 && w.strip_suffix('s').is_some_and(|s| HEADS.contains(&s)))
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S")
}

/// Whether a token can sit inside a role phrase. Capitalised words must belong to a name the
/// tagger found (an organisation, place or nationality: "Kremlin", "US", "French"), so that a
/// sentence-initial "Yet" or a person's name does not join the role.
fn role_word(text: &str, tokens: &[Token], i: usize, in_name: &[bool]) -> bool {
    let t = &tokens[i];
    let w = t.text(text);
    let l = w.to_lowercase();
    if is_time_word(&l) {
        return false;
    }
    if is_role_head(&l)
        || MODIFIERS.contains(&l.as_str())
        || HONORIFICS.contains(&l.as_str())
        || is_possessive(w)
    {
        return true;
    }
    if l == "of" {
        // "Secretary of State", "Minister of Defence": only before a capitalised word.
        return tokens
            .get(i + 1)
            .is_some_and(|n| is_capitalised(n.text(text)));
    }
    t.kind == TokenKind::Word && is_capitalised(w) && in_name[i]
}

/// Trims a candidate `[from, to)` to a role phrase: leading articles and capitalised words that
/// do not lead into the head are dropped; the phrase must hold a head. Returns the trimmed range.
fn shape_phrase(text: &str, tokens: &[Token], from: usize, to: usize) -> Option<(usize, usize)> {
    let words: Vec<String> = tokens[from..to].iter().map(|t| lower(t, text)).collect();
    let last_head = words.iter().rposition(|w| is_role_head(w))?;
    let mut start = 0;
    while start < last_head
        && (ARTICLES.contains(&words[start].as_str())
            || words[start] == "of"
            || is_possessive(&words[start]))
    {
        start += 1;
    }
    // A phrase ends at its head, or at the capitalised portfolio after "of".
    let mut end = last_head + 1;
    while end < words.len()
        && (words[end] == "of" || (end > last_head + 1 && words[end - 1] == "of"))
    {
        end += 1;
    }
    Some((from + start, from + end.min(words.len())))
}

/// Heads that, written in lower case right before a capitalised name, make it a person
/// ("spokesman Peskov", "advisor Ushakov", "envoy Witkoff"): roles only people hold.
fn names_a_person(head: &str) -> bool {
    is_role_head(head)
        && !matches!(
            head,
            "general"
                | "head"
                | "chief"
                | "leader"
                | "official"
                | "officer"
                | "owner"
                | "player"
                | "executive"
                | "director"
                | "chair"
                | "justice"
                | "speaker"
                | "presidents"
                | "ministers"
                | "spokesmen"
                | "monarch"
                | "author"
                | "writer"
                | "editor"
        )
}

/// Names right after a lower-case role that only people hold are people, whatever the tagger
/// made of them: "chief foreign policy advisor Ushakov", "envoy Witkoff". A capitalised word
/// there that the tagger left out becomes a person too. Returns the entities in text order.
pub fn people_after_roles(text: &str, tokens: &[Token], entities: &[Entity]) -> Vec<Entity> {
    let mut out: Vec<Entity> = entities.to_vec();
    let after_head = |start: usize| -> bool {
        let i = tokens.partition_point(|t| t.span.start() < start);
        i > 0 && {
            let w = tokens[i - 1].text(text);
            w.chars().next().is_some_and(char::is_lowercase) && names_a_person(w)
        }
    };
    // "Lord Goldsmith", "Mr Ebbers": a name after an honorific is a person's.
    let after_honorific = |e: &Entity| -> bool {
        let own = text[e.span.range()].split_whitespace().collect::<Vec<_>>();
        let leads = own.len() >= 2 && HONORIFICS.contains(&own[0].to_lowercase().as_str());
        let i = tokens.partition_point(|t| t.span.start() < e.span.start());
        leads
            || (i > 0
                && is_capitalised(tokens[i - 1].text(text))
                && HONORIFICS.contains(&lower(&tokens[i - 1], text).as_str()))
    };
    for e in &mut out {
        if e.kind != EntityKind::Person && (after_head(e.span.start()) || after_honorific(e)) {
            e.kind = EntityKind::Person;
        }
    }
    for (i, t) in tokens.iter().enumerate() {
        let w = t.text(text);
        let covered = out.iter().any(|e| e.span.contains(t.span));
        if covered || t.kind != TokenKind::Word || !is_capitalised(w) || !after_head(t.span.start())
        {
            continue;
        }
        // The capitalised run from here: "envoy Steve Witkoff".
        let mut end = i + 1;
        while end < tokens.len()
            && end < i + 3
            && tokens[end].kind == TokenKind::Word
            && is_capitalised(tokens[end].text(text))
            && !out.iter().any(|e| e.span.contains(tokens[end].span))
        {
            end += 1;
        }
        out.push(Entity {
            span: Span::new(t.span.start(), tokens[end - 1].span.end()),
            kind: EntityKind::Person,
        });
    }
    out.sort_by_key(|e| e.span.start());
    out
}

/// Roles for the person mentions among `entities`, from the words just before a name
/// ("Kremlin spokesman Dmitry Peskov") or in an apposition just after it
/// ("Yuri Ushakov, Putin's foreign policy aide, said").
pub fn roles(text: &str, tokens: &[Token], entities: &[Entity]) -> Vec<Role> {
    let mut in_name = vec![false; tokens.len()];
    for e in entities.iter().filter(|e| e.kind != EntityKind::Person) {
        in_name[tokens_within(tokens, e.span)]
            .iter_mut()
            .for_each(|x| *x = true);
    }
    let mut out = Vec::new();
    for (n, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Person {
            continue;
        }
        let std::ops::Range {
            start: first,
            end: last,
        } = tokens_within(tokens, e.span);
        let previous_person_end = entities[..n]
            .iter()
            .rev()
            .find(|p| p.kind == EntityKind::Person)
            .map_or(0, |p| p.span.end());
        // Before the name.
        let mut j = first;
        while j > 0
            && role_word(text, tokens, j - 1, &in_name)
            && tokens[j - 1].span.start() >= previous_person_end
        {
            // A line break ends the phrase: headlines and bylines sit on their own lines.
            if text[tokens[j - 1].span.end()..tokens[j].span.start()].contains('\n') {
                break;
            }
            j -= 1;
        }
        // A possessive owner ("Putin's") belongs to the role even though it is a name.
        if j > 0 && j < first && is_possessive(tokens[j].text(text)) {
            j -= 1;
        }
        if let Some((a, b)) = (j < first)
            .then(|| shape_phrase(text, tokens, j, first))
            .flatten()
        {
            let honorifics_only = tokens[b..first]
                .iter()
                .all(|t| HONORIFICS.contains(&lower(t, text).as_str()));
            if honorifics_only {
                out.push(role(text, tokens, e.span, a, b));
                continue;
            }
        }
        // After the name, as an apposition between commas.
        if tokens.get(last).is_some_and(|t| t.text(text) == ",") {
            let mut k = last + 1;
            // A possessive owner belongs to the role here too: "Putin's foreign policy aide".
            let owner = |k: usize| {
                is_capitalised(tokens[k].text(text))
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| is_possessive(n.text(text)))
            };
            while k < tokens.len()
                && (role_word(text, tokens, k, &in_name)
                    || owner(k)
                    || ARTICLES.contains(&lower(&tokens[k], text).as_str()))
            {
                k += 1;
            }
            let closes = tokens
                .get(k)
                .is_none_or(|t| matches!(t.text(text), "," | "." | ")" | ";" | "—" | "–"));
            if closes && k > last + 1 {
                if let Some((a, b)) = shape_phrase(text, tokens, last + 1, k) {
                    out.push(role(text, tokens, e.span, a, b));
                }
            }
        }
    }
    out
}

fn role(text: &str, tokens: &[Token], person: Span, a: usize, b: usize) -> Role {
    let former = tokens[a..b].iter().any(|t| {
        let l = lower(t, text);
        l == "former" || l == "ex" || l.starts_with("ex-")
    });
    Role {
        person,
        role: Span::new(tokens[a].span.start(), tokens[b - 1].span.end()),
        former,
    }
}
