//! Speaker resolution: a name in the speaker phrase, a pronoun to the nearest fitting person
//! before it, a role noun ("the spokesman") to the person the article gave that role, and a
//! quote paragraph with no cue to the speaker of the quote it continues.

use crate::{cues, Doc, Found, Resolved};
use model::Span;
use nlp::EntityKind;

/// How many sentences back a pronoun or role noun may look for its person.
const LOOK_BACK: usize = 3;

pub(crate) fn resolve_all(doc: &Doc, found: &mut [Found]) {
    for i in 0..found.len() {
        let resolved = match found[i].speaker {
            Some(np) => phrase(doc, &found[..i], np.start, np.end),
            None if found[i].continues => continued(doc, found, i),
            None => None,
        };
        found[i].resolved = resolved;
        // "the coalition of the willing, which supports Kyiv": a relative pronoun that names
        // no one gives way to the phrase it stands for, which says more than "which".
        if let Some(np) = found[i].speaker {
            let a = np.start;
            let relative = np.end == a + 1
                && cues::pronoun(doc.word(a)) == Some(cues::Pronoun::Relative)
                && a >= 1;
            if resolved.is_none() && relative {
                if let Some(antecedent) = antecedent_of(doc, a) {
                    found[i].speaker = Some(antecedent);
                }
            }
        }
    }
}

/// What the phrase `a..b` refers to.
/// What the relative pronoun at token `a` stands for, in its sentence: "critics who said",
/// "the coalition, which supports".
fn antecedent_of(doc: &Doc, a: usize) -> Option<crate::phrases::Np> {
    let first = doc.ranges[doc.sentence[a]].start;
    let b = if doc.word(a.checked_sub(1)?) == "," {
        a.checked_sub(2)?
    } else {
        a - 1
    };
    (b >= first)
        .then(|| crate::phrases::antecedent(doc, first, b))
        .flatten()
}

fn phrase(doc: &Doc, before: &[Found], a: usize, b: usize) -> Option<Resolved> {
    let entities = &doc.layers.entities;
    // A title the tagger took for a name ("Mr" in "Mr. Trump") names no one.
    let inside: Vec<usize> = (a..b)
        .filter_map(|k| doc.entity[k])
        .filter(|&e| {
            let t = doc.text[entities[e].span.range()]
                .trim_end_matches('.')
                .to_lowercase();
            !nlp::is_title_abbreviation(&t)
        })
        .collect();
    // A person with a role in the phrase, else the last person, else an organisation or place.
    let person = inside
        .iter()
        .copied()
        .filter(|&e| entities[e].kind == EntityKind::Person)
        .find(|&e| {
            doc.layers
                .roles
                .iter()
                .any(|r| r.person == entities[e].span)
        })
        .or_else(|| {
            inside
                .iter()
                .copied()
                .rfind(|&e| entities[e].kind == EntityKind::Person)
        });
    if let Some(e) = person {
        return Some(full_name(doc, entities[e].span));
    }
    let head = doc.word(b - 1);
    if b == a + 1 {
        if cues::pronoun(head) == Some(cues::Pronoun::Relative) && a >= 2 && doc.word(a - 1) == ","
        {
            // "Cruz, who refused ...": the phrase before the comma.
            let np = antecedent_of(doc, a)?;
            return phrase(doc, before, np.start, np.end);
        }
        if let Some(p) = cues::pronoun(head) {
            return pronoun(doc, before, a, p);
        }
        // "his claim that ...": a possessive names its owner as a pronoun would.
        match head {
            "his" | "her" => return pronoun(doc, before, a, cues::Pronoun::Singular),
            "their" | "its" => return pronoun(doc, before, a, cues::Pronoun::Plural),
            _ => {}
        }
    }
    if nlp::is_role_head(head) {
        if let Some(r) = role_holder(doc, a, head) {
            return Some(r);
        }
    }
    inside
        .iter()
        .copied()
        .rfind(|&e| {
            matches!(
                entities[e].kind,
                EntityKind::Organization | EntityKind::Location
            )
        })
        .map(|e| Resolved {
            span: entities[e].span,
            kind: EntityKind::Organization,
        })
}

/// The fullest mention of the person named at `span`: "Peskov" becomes "Dmitry Peskov" when
/// the article names him in full.
fn full_name(doc: &Doc, span: Span) -> Resolved {
    let text = doc.text;
    let last = |s: Span| {
        text[s.range()]
            .split_whitespace()
            .last()
            .map(str::to_lowercase)
    };
    let surname = last(span);
    let people: Vec<Span> = doc
        .layers
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && last(e.span) == surname)
        .map(|e| e.span)
        .collect();
    // "President Trump and Melania Trump": a full name written beside another mention of the
    // surname is a second person of that family, not the fuller form of the first.
    let family = |s: Span| {
        people.iter().any(|&o| {
            (o.end() <= s.start() && nlp::joins_two_names(&text[o.end()..s.start()]))
                || (s.end() <= o.start() && nlp::joins_two_names(&text[s.end()..o.start()]))
        })
    };
    // A name written with more than the surname is already full ("Tony Blair"); a surname
    // alone is the nearest fuller mention before it (else the first after it), so that "Mr
    // Blair" after "Tony Blair" is not "Cherie Blair" named earlier.
    let words = |s: Span| {
        text[s.range()]
            .split_whitespace()
            // An honorific stays: "Lord Falconer" is as full as the article makes the name.
            .filter(|w| !nlp::is_title_abbreviation(w) && !nlp::is_role_head(&w.to_lowercase()))
            .count()
    };
    if words(span) >= 2 {
        return Resolved {
            span,
            kind: EntityKind::Person,
        };
    }
    let fuller: Vec<Span> = doc
        .layers
        .entities
        .iter()
        .filter(|e| {
            e.kind == EntityKind::Person
                && last(e.span) == surname
                && words(e.span) >= 2
                && !family(e.span)
        })
        .map(|e| e.span)
        .collect();
    let best = fuller
        .iter()
        .filter(|s| s.start() < span.start())
        .max_by_key(|s| s.start())
        .or_else(|| fuller.first())
        .copied()
        .unwrap_or(span);
    Resolved {
        span: best,
        kind: EntityKind::Person,
    }
}

/// Sentences from the one holding token `at` back over `LOOK_BACK` earlier ones, each with the
/// tokens that may be looked at (the current one only up to `at`).
fn window<'a>(
    doc: &'a Doc<'a>,
    at: usize,
) -> impl Iterator<Item = (bool, std::ops::Range<usize>)> + 'a {
    let si = doc.sentence[at];
    (si.saturating_sub(LOOK_BACK)..=si).rev().map(move |s| {
        let r = doc.ranges[s].clone();
        if s == si {
            (true, r.start..at)
        } else {
            (false, r)
        }
    })
}

/// "he"/"she" is the nearest person outside quotation marks: the latest one in its own
/// sentence, else the first (the subject) of an earlier one. "they" is the nearest organisation.
fn pronoun(doc: &Doc, before: &[Found], at: usize, p: cues::Pronoun) -> Option<Resolved> {
    let want = match p {
        cues::Pronoun::Singular => EntityKind::Person,
        cues::Pronoun::Plural => EntityKind::Organization,
        _ => return None,
    };
    let entities = &doc.layers.entities;
    for (current, r) in window(doc, at) {
        // "He said ... Harriet Harman ... He suggested ...": an earlier sentence whose first
        // person is the resolved speaker of a quote hands that person on, before any name
        // that the quote holds.
        if !current {
            let first_name = r.clone().find(|&k| {
                doc.region[k].is_none() && doc.entity[k].is_some_and(|e| entities[e].kind == want)
            });
            let chained = before.iter().rev().find_map(|f| {
                let np = f.speaker?;
                let resolved = f.resolved?;
                let speaks = r.contains(&np.start)
                    && first_name.is_none_or(|k| np.start <= k)
                    && resolved.kind == want;
                speaks.then_some(resolved)
            });
            if chained.is_some() {
                return chained;
            }
        }
        let mut hits = r
            .filter(|&k| doc.region[k].is_none())
            .filter_map(|k| doc.entity[k])
            .filter(|&e| entities[e].kind == want);
        let hit = if current {
            hits.next_back()
        } else {
            hits.next()
        };
        if let Some(e) = hit {
            return Some(if want == EntityKind::Person {
                full_name(doc, entities[e].span)
            } else {
                Resolved {
                    span: entities[e].span,
                    kind: want,
                }
            });
        }
    }
    None
}

/// "the spokesman" is the person whose role phrase, earlier in the article, has that head.
fn role_holder(doc: &Doc, at: usize, head: &str) -> Option<Resolved> {
    let before = doc.tokens[at].span.start();
    doc.layers
        .roles
        .iter()
        .filter(|r| r.person.start() < before)
        .rfind(|r| {
            doc.text[r.role.range()]
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w.eq_ignore_ascii_case(head))
        })
        .map(|r| full_name(doc, r.person))
}

/// A quote paragraph without a cue continues the quote just before it (within two sentences
/// and with no other person named in between).
fn continued(doc: &Doc, found: &[Found], i: usize) -> Option<Resolved> {
    let start = found[i].content[0].start;
    let prev = found[..i].iter().rfind(|f| f.resolved.is_some())?;
    let prev_end = prev.content.last()?.end.max(prev.cue.end);
    if doc.sentence[start].saturating_sub(doc.sentence[prev_end.saturating_sub(1)]) > 2 {
        return None;
    }
    let named_between = (prev_end..start).any(|k| {
        doc.region[k].is_none()
            && doc.entity[k].is_some_and(|e| doc.layers.entities[e].kind == EntityKind::Person)
    });
    (!named_between).then_some(prev.resolved?)
}
