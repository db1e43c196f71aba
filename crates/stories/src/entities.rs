//! Entities merged across the articles of a story: people by surname, with spelling and
//! transliteration variants of the surname joined ("Zelensky"/"Zelenskiy") and surname-only
//! mentions joining the full name; people who share a surname but are named differently in one
//! article stay apart. Variants that look like errors are flagged.

use model::Span;
use nlp::{EntityKind, Layers};
use std::collections::BTreeMap;

/// One article as entity merging sees it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The article's id, used in flags.
    pub id: &'a str,
    pub text: &'a str,
    pub layers: &'a Layers,
}

/// A role an article gives the entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleSeen {
    pub article: usize,
    pub text: String,
    pub span: Span,
    pub former: bool,
}

/// One real-world entity of the story.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub kind: EntityKind,
    /// The fullest form most articles use.
    pub name: String,
    /// Every surface form, most used first.
    pub aliases: Vec<String>,
    /// `(article, span)` of every mention.
    pub mentions: Vec<(usize, Span)>,
    pub articles: Vec<usize>,
    pub roles: Vec<RoleSeen>,
    pub flags: Vec<String>,
}

fn fold(w: &str) -> String {
    w.trim_end_matches("'s")
        .trim_end_matches("’s")
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut diag = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let up = row[j];
            row[j] = (row[j] + 1)
                .min(row[j - 1] + 1)
                .min(diag + usize::from(a[i - 1] != b[j - 1]));
            diag = up;
        }
    }
    row[b.len()]
}

/// Whether two folded surnames are spellings of one name: the same first letter and at most one
/// edit (two for longer names), as transliteration and typing variants are.
pub fn same_surname(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (&transliterated(a), &transliterated(b));
    if a == b {
        return true;
    }
    let short = a.chars().count().min(b.chars().count());
    let allowed = match short {
        0..=4 => 0,
        5..=6 => 1,
        _ => 2,
    };
    a.chars().next() == b.chars().next() && distance(a, b) <= allowed
}

/// Common English short forms whose spelling does not start like the full name.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("rick", "richard"),
    ("dick", "richard"),
    ("bob", "robert"),
    ("bill", "william"),
    ("will", "william"),
    ("mike", "michael"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("ted", "edward"),
    ("ted", "theodore"),
    ("tom", "thomas"),
    ("rudy", "rudolph"),
    ("jack", "john"),
    ("peggy", "margaret"),
    ("maggie", "margaret"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("betty", "elizabeth"),
    ("kate", "katherine"),
    ("kathy", "katherine"),
    ("chuck", "charles"),
    ("charlie", "charles"),
    ("hank", "henry"),
    ("larry", "lawrence"),
    ("jerry", "gerald"),
    ("tony", "anthony"),
    ("sandy", "alexandra"),
    ("sasha", "alexander"),
    ("volodya", "vladimir"),
];

/// Whether two folded first names can name one person: the same, one the start of the other
/// ("steve", "steven"), or a common short form ("rick", "richard").
pub fn same_first_name(a: &str, b: &str) -> bool {
    let prefix = |x: &str, y: &str| x.len() >= 3 && y.starts_with(x);
    a == b
        || prefix(a, b)
        || prefix(b, a)
        || SHORT_FORMS
            .iter()
            .any(|&(s, f)| (a == s && b == f) || (a == f && b == s))
}

/// Spells out the common transliteration variants of one sound the same way: "-ff"/"-v"
/// (Witkoff, Witkov), "-iy"/"-y"/"-ij" (Zelenskiy, Zelensky), "kh"/"h", "ph"/"f".
fn transliterated(s: &str) -> String {
    let mut t = s.replace("kh", "h").replace("ph", "f").replace("ck", "k");
    for (from, to) in [("ff", "v"), ("iy", "y"), ("ij", "y"), ("yy", "y")] {
        if let Some(stem) = t.strip_suffix(from) {
            t = format!("{stem}{to}");
        }
    }
    t
}

struct PersonMention {
    article: usize,
    span: Span,
    surface: String,
    first: Option<String>,
    surname: String,
}

/// One story, one reading: a name that the articles tag as different kinds takes the kind of
/// most of its mentions across the story (ties keep the article's own). Returns, per article,
/// the kind to use for each of its entity mentions.
fn story_kinds(sources: &[Source]) -> Vec<Vec<EntityKind>> {
    let key = |s: &Source, span: Span| fold(&s.text[span.range()].trim().replace('.', ""));
    let mut votes: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for s in sources {
        for e in &s.layers.entities {
            votes.entry(key(s, e.span)).or_default()[e.kind as usize] += 1;
        }
    }
    sources
        .iter()
        .map(|s| {
            s.layers
                .entities
                .iter()
                .map(|e| EntityKind::majority(votes[&key(s, e.span)], e.kind))
                .collect()
        })
        .collect()
}

/// Merges the entity mentions of the story's articles.
pub fn merge(sources: &[Source]) -> Vec<Merged> {
    let mut people: Vec<PersonMention> = Vec::new();
    let mut others: BTreeMap<(u8, String), Merged> = BTreeMap::new();
    let kinds = story_kinds(sources);
    for (ai, s) in sources.iter().enumerate() {
        let entities = &s.layers.entities;
        for (k, (e, &kind)) in entities.iter().zip(&kinds[ai]).enumerate() {
            let mut surface = s.text[e.span.range()].trim().to_string();
            // A word that an editor put in brackets before a person's surname ("President
            // (Jane) Doe" in a quotation) is that person's first name, whatever it was tagged.
            let mut kind = kind;
            if let Some(next) = entities.get(k + 1).filter(|n| {
                kinds[ai][k + 1] == EntityKind::Person
                    && !surface.contains(' ')
                    && s.text[..e.span.start()].ends_with('(')
                    && s.text[e.span.end()..n.span.start()].trim() == ")"
            }) {
                surface = format!("{surface} {}", s.text[next.span.range()].trim());
                kind = EntityKind::Person;
            }
            if kind == EntityKind::Person {
                let words: Vec<&str> = surface
                    .split_whitespace()
                    .filter(|w| !nlp::is_name_title(w))
                    .collect();
                let Some(last) = words.last() else { continue };
                people.push(PersonMention {
                    article: ai,
                    span: e.span,
                    surface: surface.clone(),
                    // An initial ("W. Giuliani") is not a first name to compare.
                    first: (words.len() > 1)
                        .then(|| fold(words[0]))
                        .filter(|f| f.chars().count() > 1),
                    surname: fold(last),
                });
            } else {
                let key = (kind as u8, fold(&surface.replace('.', "")));
                let m = others.entry(key).or_insert_with(|| Merged {
                    kind,
                    name: surface.clone(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    articles: Vec::new(),
                    roles: Vec::new(),
                    flags: Vec::new(),
                });
                m.mentions.push((ai, e.span));
                if !m.aliases.contains(&surface) {
                    m.aliases.push(surface);
                }
                if !m.articles.contains(&ai) {
                    m.articles.push(ai);
                }
            }
        }
    }
    let mut out = merge_people(sources, people);
    out.extend(others.into_values());
    out.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.mentions.len().cmp(&a.mentions.len()))
    });
    out
}

fn merge_people(sources: &[Source], people: Vec<PersonMention>) -> Vec<Merged> {
    // Surname groups: the most used spelling first, variants joined to it.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &people {
        *counts.entry(&p.surname).or_default() += 1;
    }
    let mut spellings: Vec<(&str, usize)> = counts.into_iter().collect();
    spellings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut heads: Vec<&str> = Vec::new();
    let mut head_of: BTreeMap<&str, usize> = BTreeMap::new();
    // Two spellings that one article uses side by side name two people ("Prince William",
    // "Rowan Williams"), not one name spelled two ways.
    let both_in_one = |a: &str, b: &str| {
        (0..sources.len()).any(|art| {
            let uses = |x: &str| people.iter().any(|p| p.article == art && p.surname == x);
            uses(a) && uses(b)
        })
    };
    for (s, _) in &spellings {
        match heads
            .iter()
            .position(|h| same_surname(h, s) && (h == s || !both_in_one(h, s)))
        {
            Some(h) => {
                head_of.insert(s, h);
            }
            None => {
                head_of.insert(s, heads.len());
                heads.push(s);
            }
        }
    }
    // Within a surname group, first names split people apart only when one article names
    // both (two people who share a surname); otherwise a different first name is a variant.
    let mut entities: Vec<(usize, Vec<String>, Vec<usize>)> = Vec::new(); // (group, first names, mentions)
    for h in 0..heads.len() {
        let members: Vec<usize> = (0..people.len())
            .filter(|&i| head_of[people[i].surname.as_str()] == h)
            .collect();
        let mut firsts: Vec<String> = Vec::new();
        for &i in &members {
            if let Some(f) = &people[i].first {
                if !firsts.contains(f) {
                    firsts.push(f.clone());
                }
            }
        }
        // "President Trump and Melania Trump": a first name written beside a surname-only
        // mention, joined by "and", names a second person of that family.
        let coordinated = |f: &str| {
            members.iter().any(|&i| {
                people[i].first.as_deref() == Some(f)
                    && members.iter().any(|&j| {
                        let (x, y) = (&people[j], &people[i]);
                        j != i
                            && x.article == y.article
                            && x.first.is_none()
                            && x.span.end() <= y.span.start()
                            && nlp::joins_two_names(
                                &sources[y.article].text[x.span.end()..y.span.start()],
                            )
                    })
            })
        };
        // The articles that use a first name with this surname, and the offices they give.
        let usage = |f: &str| {
            let mut arts: Vec<usize> = Vec::new();
            let mut offices: Vec<String> = Vec::new();
            for &i in &members {
                let p = &people[i];
                if p.first.as_deref() != Some(f) {
                    continue;
                }
                if !arts.contains(&p.article) {
                    arts.push(p.article);
                }
                for r in sources[p.article]
                    .layers
                    .roles
                    .iter()
                    .filter(|r| r.person == p.span)
                {
                    offices.push(nlp::office(&sources[p.article].text[r.role.range()]));
                }
            }
            (arts, offices)
        };
        // A different first name is a variant of the same person (a mistake) only when one
        // article alone uses it against two or more that agree, and it is spelled close to
        // theirs or both give the person the same office ("envoy"); otherwise it is someone
        // else of that name ("Joe Cole", "Ashley Cole"). Short forms ("Rick", "Richard")
        // always are.
        let variant_of = |part: &Vec<String>, f: &str| {
            if part.iter().all(|g| same_first_name(g, f)) {
                return true;
            }
            let (fa, fo) = usage(f);
            let (mut pa, mut po) = (Vec::new(), Vec::new());
            for g in part {
                let (a, o) = usage(g);
                pa.extend(a);
                po.extend(o);
            }
            pa.sort_unstable();
            pa.dedup();
            let lone = (fa.len() == 1 && pa.len() >= 2) || (pa.len() == 1 && fa.len() >= 2);
            let offices_agree = fo.iter().any(|o| po.contains(o));
            // A first name spelled a little differently ("Katherine", "Katharine") is the
            // same name; a different name needs the office to show it is the same person.
            let close = part.iter().any(|g| {
                let shortest = g.chars().count().min(f.chars().count());
                distance(g, f) <= if shortest >= 6 { 2 } else { 1 }
            });
            lone && (close || offices_agree)
        };
        let mut parts: Vec<Vec<String>> = Vec::new();
        // Parts of one coordinated first name, which no other first name joins.
        let mut alone: Vec<usize> = Vec::new();
        for f in firsts {
            if coordinated(&f) {
                alone.push(parts.len());
                parts.push(vec![f]);
                continue;
            }
            let apart_from = |part: &Vec<String>| {
                part.iter().any(|g| {
                    (0..sources.len()).any(|a| {
                        let named = |n: &str| {
                            members.iter().any(|&i| {
                                people[i].article == a && people[i].first.as_deref() == Some(n)
                            })
                        };
                        named(g) && named(&f)
                    })
                })
            };
            match parts
                .iter_mut()
                .enumerate()
                .find(|(k, p)| !alone.contains(k) && !apart_from(p) && variant_of(p, &f))
                .map(|(_, p)| p)
            {
                Some(p) => p.push(f),
                None => parts.push(vec![f]),
            }
        }
        if parts.is_empty() {
            parts.push(Vec::new());
        }
        // A surname alone joins the person only when the surname names one person, not
        // counting family members named beside them.
        let open = parts.len() - alone.len();
        for (k, part) in parts.into_iter().enumerate() {
            let takes_surname = open <= 1 && !alone.contains(&k);
            let mentions: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| match &people[i].first {
                    Some(f) => part.contains(f),
                    None => takes_surname,
                })
                .collect();
            if !mentions.is_empty() {
                entities.push((h, part, mentions));
            }
        }
    }
    entities
        .into_iter()
        .map(|(_, firsts, mentions)| person(sources, &people, &firsts, &mentions))
        .collect()
}

fn person(
    sources: &[Source],
    people: &[PersonMention],
    firsts: &[String],
    mentions: &[usize],
) -> Merged {
    let mut forms: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in mentions {
        forms
            .entry(&people[i].surface)
            .or_default()
            .push(people[i].article);
    }
    let mut aliases: Vec<(&str, usize, usize)> = forms
        .iter()
        .map(|(f, arts)| {
            let mut a = arts.clone();
            a.sort_unstable();
            a.dedup();
            (*f, a.len(), f.split_whitespace().count())
        })
        .collect();
    // The name: the form most articles use among the fullest forms.
    aliases.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    let name = aliases
        .iter()
        .filter(|a| a.2 >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .or(aliases.first())
        .map_or(String::new(), |a| a.0.to_string());
    let mut articles: Vec<usize> = mentions.iter().map(|&i| people[i].article).collect();
    articles.sort_unstable();
    articles.dedup();
    let mut roles = Vec::new();
    for &i in mentions {
        let p = &people[i];
        for r in &sources[p.article].layers.roles {
            if r.person == p.span {
                let text = sources[p.article].text[r.role.range()].to_string();
                if !roles
                    .iter()
                    .any(|x: &RoleSeen| x.article == p.article && x.text == text)
                {
                    roles.push(RoleSeen {
                        article: p.article,
                        text,
                        span: r.role,
                        former: r.former,
                    });
                }
            }
        }
    }
    let mut flags = Vec::new();
    // Different first names for one person (a short form of the same name is not one).
    let distinct = firsts
        .iter()
        .enumerate()
        .any(|(i, a)| firsts[..i].iter().any(|b| !same_first_name(a, b)));
    if distinct {
        let by_first: Vec<String> = firsts
            .iter()
            .map(|f| {
                let arts =
                    articles_where(sources, people, mentions, |p| p.first.as_deref() == Some(f));
                format!("\"{}\" in {}", capitalise(f), arts.join(", "))
            })
            .collect();
        flags.push(format!("first name differs: {}", by_first.join(" vs ")));
    }
    // A surname spelling only one article uses, against one the others share.
    let mut spellings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in mentions {
        let arts = spellings.entry(&people[i].surname).or_default();
        if !arts.contains(&people[i].article) {
            arts.push(people[i].article);
        }
    }
    if spellings.len() > 1 {
        let main = spellings
            .iter()
            .max_by_key(|(_, a)| a.len())
            .map(|(s, a)| (*s, a.len()));
        for (s, arts) in &spellings {
            if let Some((m, n)) = main {
                if *s != m && arts.len() == 1 && n >= 2 {
                    flags.push(format!(
                        "surname spelled \"{}\" only in {}; the others write \"{}\"",
                        capitalise(s),
                        sources[arts[0]].id,
                        capitalise(m)
                    ));
                }
            }
        }
    }
    Merged {
        kind: EntityKind::Person,
        name,
        aliases: aliases.iter().map(|a| a.0.to_string()).collect(),
        mentions: mentions
            .iter()
            .map(|&i| (people[i].article, people[i].span))
            .collect(),
        articles,
        roles,
        flags,
    }
}

fn articles_where(
    sources: &[Source],
    people: &[PersonMention],
    mentions: &[usize],
    f: impl Fn(&PersonMention) -> bool,
) -> Vec<String> {
    let mut arts: Vec<usize> = mentions
        .iter()
        .filter(|&&i| f(&people[i]))
        .map(|&i| people[i].article)
        .collect();
    arts.sort_unstable();
    arts.dedup();
    arts.iter().map(|&a| sources[a].id.to_string()).collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}
