//! Conflicts: where a story's sources disagree, each side with its value, its articles and
//! its evidence. Each kind has its own guard against the obvious false alarm, because a false
//! conflict costs a fact-checker time: names only for one merged person, roles only with the
//! same office, numbers only for the same kind of event in the same place.

use crate::Article;
use model::Span;
use quantities::{Qualifier, Quantity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One person written with different names.
    Name,
    /// One person given a role as current by some and as former by others.
    Role,
    /// A date that cannot be right: a weekday or holiday beside a date it does not fall on.
    Date,
    /// The same count reported differently.
    Number,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Name => "name",
            Kind::Role => "role",
            Kind::Date => "date",
            Kind::Number => "number",
        }
    }
}

/// One position in a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub value: String,
    pub articles: Vec<usize>,
    /// `(article, span)` of the words that show this side.
    pub evidence: Vec<(usize, Span)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub kind: Kind,
    /// What the sides disagree about: a person, "casualties wounded in Zaporizhzhia", a date.
    pub about: String,
    pub sides: Vec<Side>,
}

/// Adds `(article, span)` under `value`, keeping sides in order of first appearance.
fn add(sides: &mut Vec<Side>, value: String, article: usize, span: Span) {
    match sides.iter_mut().find(|s| s.value == value) {
        Some(s) => {
            if !s.articles.contains(&article) {
                s.articles.push(article);
                s.evidence.push((article, span));
            }
        }
        None => sides.push(Side {
            value,
            articles: vec![article],
            evidence: vec![(article, span)],
        }),
    }
}

/// Every conflict of the story.
pub fn conflicts(story: &stories::Story, articles: &[Article]) -> Vec<Conflict> {
    let mut out = Vec::new();
    names(story, articles, &mut out);
    roles(story, &mut out);
    dates(story, articles, &mut out);
    numbers(story, articles, &mut out);
    out
}

/// A person whose merged mentions were flagged: the full forms of the name, side by side.
fn names(story: &stories::Story, articles: &[Article], out: &mut Vec<Conflict>) {
    for e in story.entities.iter().filter(|e| !e.flags.is_empty()) {
        let mut sides = Vec::new();
        for &(a, span) in &e.mentions {
            let form = &articles[a].text[span.range()];
            if form.split_whitespace().count() >= 2 {
                add(&mut sides, form.to_string(), a, span);
            }
        }
        // The surname alone shows a spelling that the full forms may not.
        if sides.len() < 2 {
            for &(a, span) in &e.mentions {
                let form = &articles[a].text[span.range()];
                let surname = form.split_whitespace().last().unwrap_or(form);
                add(&mut sides, surname.to_string(), a, span);
            }
        }
        if sides.len() >= 2 {
            out.push(Conflict {
                kind: Kind::Name,
                about: e.name.clone(),
                sides,
            });
        }
    }
}

/// The office a role names: its last word, lower case ("Former US President" → "president").
fn office(role: &str) -> String {
    role.split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A person called "former" X by some articles and X by others.
fn roles(story: &stories::Story, out: &mut Vec<Conflict>) {
    for e in &story.entities {
        let mut offices: Vec<String> = e
            .roles
            .iter()
            .filter(|r| r.former)
            .map(|r| office(&r.text))
            .collect();
        offices.sort();
        offices.dedup();
        for o in offices {
            let mut sides = Vec::new();
            for r in e.roles.iter().filter(|r| office(&r.text) == o) {
                let value = if r.former {
                    format!("former {o}")
                } else {
                    o.clone()
                };
                add(&mut sides, value, r.article, r.span);
            }
            if sides.len() >= 2 {
                out.push(Conflict {
                    kind: Kind::Role,
                    about: e.name.clone(),
                    sides,
                });
            }
        }
    }
}

/// Calendar inconsistencies of the story's articles.
fn dates(story: &stories::Story, articles: &[Article], out: &mut Vec<Conflict>) {
    for &a in &story.articles {
        for n in articles[a].calendar {
            out.push(Conflict {
                kind: Kind::Date,
                about: articles[a].text[n.span.range()].to_string(),
                sides: vec![Side {
                    value: n.message.clone(),
                    articles: vec![a],
                    evidence: vec![(a, n.span)],
                }],
            });
        }
    }
}

/// Event words that report the same kind of harm or count.
fn event_class(w: &str) -> Option<&'static str> {
    match w.to_lowercase().as_str() {
        "wounded" | "injured" | "hurt" | "injuring" | "wounding" => Some("wounded"),
        "killed" | "dead" | "died" | "killing" => Some("killed"),
        "damaged" | "destroyed" | "hit" | "struck" => Some("damaged"),
        "arrested" | "detained" => Some("arrested"),
        "displaced" | "evacuated" | "fled" => Some("displaced"),
        "missing" => Some("missing"),
        _ => None,
    }
}

/// Where a count happened: its own place, else a place named after a preposition in the
/// sentence before ("strikes in Zaporizhzhia. ... at least seven people were injured").
fn place_of(a: &Article, q: &Quantity) -> Option<String> {
    if let Some(p) = q.place {
        return Some(a.text[p.range()].to_string());
    }
    let sentences = &a.layers.sentences;
    let si = sentences.iter().position(|s| s.contains(q.span))?;
    let prev = sentences.get(si.checked_sub(1)?)?;
    let tokens = &a.layers.tokens;
    a.layers
        .entities
        .iter()
        .filter(|e| e.kind != nlp::EntityKind::Misc && prev.contains(e.span))
        .find(|e| {
            let i = tokens.partition_point(|t| t.span.start() < e.span.start());
            let before = if i > 0 {
                tokens[i - 1].text(a.text)
            } else {
                ""
            };
            match e.kind {
                nlp::EntityKind::Location => matches!(before, "in" | "on" | "at" | "near"),
                _ => matches!(before, "in" | "near"),
            }
        })
        .map(|e| a.text[e.span.range()].to_string())
}

fn stated(q: &Quantity) -> String {
    let mut v = match q.high {
        Some(h) => format!("{}–{}", q.value, h),
        None => format!("{}", q.value),
    };
    if q.qualifier != Qualifier::Exact {
        v = format!("{} {v}", q.qualifier.as_str());
    }
    v
}

/// What a count is of: the event class and the place ("wounded", "Zaporizhzhia").
type CountKey = (String, String);

/// Counts of the same kind of event in the same place that do not agree: their ranges do not
/// meet, or one is more than half again the other ("at least 7" against "18").
fn numbers(story: &stories::Story, articles: &[Article], out: &mut Vec<Conflict>) {
    let mut groups: Vec<(CountKey, Vec<(usize, &Quantity)>)> = Vec::new();
    for &a in &story.articles {
        let art = &articles[a];
        for q in art.quantities.iter().filter(|q| q.unit.is_none()) {
            let Some(class) = q.event.and_then(|e| event_class(&art.text[e.range()])) else {
                continue;
            };
            let Some(place) = place_of(art, q) else {
                continue;
            };
            let key = (class.to_string(), place);
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(g) => g.1.push((a, q)),
                None => groups.push((key, vec![(a, q)])),
            }
        }
    }
    for ((class, place), items) in groups {
        let disagree = items.iter().any(|(a1, q1)| {
            items.iter().any(|(a2, q2)| {
                let (lo1, hi1) = q1.qualifier.bounds(q1.value, q1.high);
                let (lo2, hi2) = q2.qualifier.bounds(q2.value, q2.high);
                let apart = hi1 < lo2 || hi2 < lo1;
                let ratio = q1.value.max(q2.value) / q1.value.min(q2.value).max(f64::MIN_POSITIVE);
                a1 != a2 && (apart || ratio >= 1.5)
            })
        });
        if !disagree {
            continue;
        }
        let mut sides = Vec::new();
        for (a, q) in items {
            add(&mut sides, stated(q), a, q.span);
        }
        out.push(Conflict {
            kind: Kind::Number,
            about: format!("{class} in {place}"),
            sides,
        });
    }
}
