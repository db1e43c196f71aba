//! Conflicts: where a story's sources disagree, each side with its value, its articles and
//! its evidence. Each kind has its own guard against the obvious false alarm, because a false
//! conflict costs a fact-checker time: names only for one merged person, roles only with the
//! same office, numbers only for the same kind of event in the same place.

use crate::Article;
use model::Span;
use quantities::{Qualifier, Quantity};
use std::collections::HashSet;
use stories::terms::{content_words, dice};

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
    /// One outlet reports as settled what others report as possible.
    Certainty,
    /// The same statement credited to different speakers.
    Attribution,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Name => "name",
            Kind::Role => "role",
            Kind::Date => "date",
            Kind::Number => "number",
            Kind::Certainty => "certainty",
            Kind::Attribution => "attribution",
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
pub fn conflicts(
    story: &stories::Story,
    articles: &[Article],
    timeline: &[crate::Event],
) -> Vec<Conflict> {
    let mut out = Vec::new();
    names(story, articles, &mut out);
    roles(story, articles, &mut out);
    dates(story, articles, &mut out);
    event_dates(timeline, articles, &mut out);
    numbers(story, articles, &mut out);
    certainty(story, articles, &mut out);
    attribution(story, articles, &mut out);
    out
}

/// Two renderings are the same statement when their quoted content words overlap this much
/// (Dice) and share at least `SAME_STATEMENT_WORDS` of them: a long shared wording, not a
/// common phrase.
const SAME_STATEMENT: f32 = 0.6;
const SAME_STATEMENT_WORDS: usize = 5;

/// The same statement credited to different speakers by different articles. Only quotes whose
/// speakers both resolve to named entities of the story count: an unresolved "officials said"
/// is not a rival attribution.
fn attribution(story: &stories::Story, articles: &[Article], out: &mut Vec<Conflict>) {
    struct Said {
        article: usize,
        speaker: usize,
        content: Span,
        words: HashSet<String>,
    }
    // The story's entity mentions by article: (entity, span).
    let mut mentions: std::collections::HashMap<usize, Vec<(usize, Span)>> = Default::default();
    for (k, e) in story.entities.iter().enumerate() {
        for &(a, m) in &e.mentions {
            mentions.entry(a).or_default().push((k, m));
        }
    }
    let mut said = Vec::new();
    for &ai in &story.articles {
        let a = &articles[ai];
        let here = mentions.get(&ai).map_or(&[][..], Vec::as_slice);
        for q in a.quotes {
            let Some(speaker) = crate::speaker_of(story, ai, q) else {
                continue;
            };
            // "X said Y told him ...": a statement passed on through another named person
            // is credited to both, which is no disagreement.
            let inside = |m: Span| q.content.iter().any(|c| c.contains(m));
            let relayed = here.iter().any(|&(k, m)| {
                k != speaker && story.entities[k].kind == nlp::EntityKind::Person && inside(m)
            });
            // A statement that names its own speaker ("The President brought up ...") is
            // someone else's account of them, whoever the article credits.
            let entity = &story.entities[speaker];
            let names_itself = here.iter().any(|&(k, m)| k == speaker && inside(m)) || {
                let offices: HashSet<String> =
                    entity.roles.iter().map(|r| nlp::office(&r.text)).collect();
                q.content
                    .iter()
                    .flat_map(|c| stories::terms::words(&a.text[c.range()]))
                    .any(|w| offices.contains(&w))
            };
            // "they said" points at a group only loosely: not enough to set against a name.
            let loose = q.speaker.is_some_and(|sp| {
                matches!(
                    a.text[sp.range()].to_lowercase().as_str(),
                    "they" | "them" | "we"
                )
            });
            if relayed || names_itself || loose {
                continue;
            }
            let text: Vec<&str> = q.content.iter().map(|s| &a.text[s.range()]).collect();
            let words = content_words(&text.join(" "));
            if words.len() >= SAME_STATEMENT_WORDS {
                said.push(Said {
                    article: ai,
                    speaker,
                    content: q.hull(),
                    words,
                });
            }
        }
    }
    // One conflict per pair of speakers, however many renderings show it.
    let mut found: Vec<((usize, usize), Conflict)> = Vec::new();
    for i in 0..said.len() {
        for j in i + 1..said.len() {
            let (x, y) = (&said[i], &said[j]);
            if x.article == y.article || x.speaker == y.speaker {
                continue;
            }
            // "Roger" and "Roger Stone": one person whose mentions were not merged.
            let (nx, ny) = (
                stories::terms::words(&story.entities[x.speaker].name),
                stories::terms::words(&story.entities[y.speaker].name),
            );
            if nx.iter().any(|w| ny.contains(w)) {
                continue;
            }
            let shared = x.words.intersection(&y.words).count();
            if shared < SAME_STATEMENT_WORDS || dice(&x.words, &y.words) < SAME_STATEMENT {
                continue;
            }
            // An article that itself credits the statement to the other speaker too is
            // quoting one through the other, not disagreeing.
            let also_credits = |article: usize, other: usize| {
                said.iter().any(|s| {
                    s.article == article
                        && s.speaker == other
                        && dice(&s.words, &x.words) >= SAME_STATEMENT
                })
            };
            if also_credits(x.article, y.speaker) || also_credits(y.article, x.speaker) {
                continue;
            }
            let key = (x.speaker.min(y.speaker), x.speaker.max(y.speaker));
            let k = match found.iter().position(|(k, _)| *k == key) {
                Some(k) => k,
                None => {
                    let about: Vec<&str> = articles[x.article].text[x.content.range()]
                        .split_whitespace()
                        .collect();
                    found.push((
                        key,
                        Conflict {
                            kind: Kind::Attribution,
                            about: shorten_words(&about, 12),
                            sides: Vec::new(),
                        },
                    ));
                    found.len() - 1
                }
            };
            let sides = &mut found[k].1.sides;
            for s in [x, y] {
                add(
                    sides,
                    story.entities[s.speaker].name.clone(),
                    s.article,
                    s.content,
                );
            }
        }
    }
    out.extend(found.into_iter().map(|(_, c)| c));
}

/// The first `n` words, with an ellipsis when there are more.
fn shorten_words(words: &[&str], n: usize) -> String {
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{}…", words[..n].join(" "))
    }
}

/// Verbs of going and taking part: what a person "will" or "may" do in a story of visits.
fn is_going(w: &str) -> bool {
    matches!(
        w,
        "travel"
            | "join"
            | "go"
            | "visit"
            | "accompany"
            | "attend"
            | "come"
            | "fly"
            | "take"
            | "participate"
            | "meet"
            | "lead"
            | "head"
            | "arrive"
            | "return"
    )
}

/// The modality of the words before a verb of going: settled ("will", "is set to") or
/// possible ("may", "might", "could", "potentially"); "is expected to" is neither.
fn modality(words: &[String]) -> Option<&'static str> {
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let hedged = w.iter().any(|x| {
        matches!(
            *x,
            "may" | "might" | "could" | "possibly" | "potentially" | "perhaps" | "considering"
        )
    });
    let settled = w
        .iter()
        .any(|x| matches!(*x, "will" | "shall" | "set" | "going" | "scheduled" | "'ll"));
    if hedged {
        Some("may")
    } else if settled {
        Some("will")
    } else {
        None
    }
}

/// A person one article says will travel or take part and another says may: each article's
/// wording beside the other's.
fn certainty(story: &stories::Story, articles: &[Article], out: &mut Vec<Conflict>) {
    for e in story
        .entities
        .iter()
        .filter(|e| e.kind == nlp::EntityKind::Person)
    {
        let mut sides: Vec<Side> = Vec::new();
        for &(a, span) in &e.mentions {
            let art = &articles[a];
            if let Some((value, evidence)) = stated_going(art, span) {
                add(&mut sides, value.to_string(), a, evidence);
            }
        }
        if sides.len() >= 2 {
            out.push(Conflict {
                kind: Kind::Certainty,
                about: e.name.clone(),
                sides: sides
                    .into_iter()
                    .map(|mut s| {
                        s.value = format!(
                            "{} {}",
                            e.name,
                            if s.value == "will" {
                                "will go / take part"
                            } else {
                                "may go / take part"
                            }
                        );
                        s
                    })
                    .collect(),
            });
        }
    }
}

/// What the sentence says the person at `span` will or may do, with the words that say it:
/// "Kushner will travel", "Kushner, who ..., might also take part", "potentially accompanied by
/// Jared Kushner", "dispatched envoys X and Jared Kushner to Moscow".
fn stated_going(a: &Article, span: Span) -> Option<(&'static str, Span)> {
    let tokens = &a.layers.tokens;
    let sentence = a.sentence_of(span)?;
    let range = nlp::tokens_within(tokens, sentence);
    let m = nlp::tokens_within(tokens, span);
    let word = |k: usize| tokens[k].text(a.text).to_lowercase();
    // After the name: skip a clause between commas and a coordinated name, then up to four
    // words of modality before a verb of going.
    let mut k = m.end;
    if k < range.end && word(k) == "," {
        let close = (k + 1..range.end.min(k + 20)).find(|&j| word(j) == ",")?;
        k = close + 1;
    }
    if k + 1 < range.end && word(k) == "and" {
        k += 1;
        while k < range.end && tokens[k].text(a.text).starts_with(char::is_uppercase) {
            k += 1;
        }
    }
    let before: Vec<String> = (k..range.end.min(k + 5)).map(word).collect();
    if let Some(v) = before.iter().position(|w| is_going(w)) {
        if let Some(m0) = modality(&before[..v]) {
            return Some((m0, Span::new(span.start(), tokens[k + v].span.end())));
        }
    }
    // Before the name: "potentially accompanied by X", "dispatched ... X to".
    let lo = range.start.max(m.start.saturating_sub(8));
    let left: Vec<String> = (lo..m.start).map(word).collect();
    if let Some(by) = left.iter().rposition(|w| w == "by") {
        if by > 0 && left[by - 1] == "accompanied" {
            let hedge = modality(&left[..by - 1]).unwrap_or("will");
            return Some((
                hedge,
                Span::new(tokens[lo + by - 1].span.start(), span.end()),
            ));
        }
    }
    if let Some(d) = left.iter().rposition(|w| {
        matches!(
            w.as_str(),
            "dispatched" | "sent" | "dispatching" | "sending"
        )
    }) {
        let to_follows = (m.end..range.end.min(m.end + 2)).any(|j| word(j) == "to");
        if to_follows {
            return Some(("will", Span::new(tokens[lo + d].span.start(), span.end())));
        }
    }
    None
}

/// A person whose merged mentions were flagged: the full forms of the name, side by side.
fn names(story: &stories::Story, articles: &[Article], out: &mut Vec<Conflict>) {
    for e in story.entities.iter().filter(|e| !e.flags.is_empty()) {
        let mut sides = Vec::new();
        for &(a, span) in &e.mentions {
            let form = &articles[a].text[span.range()];
            // "Mr Ebbers" is the surname with a title, not a full name.
            let words: Vec<&str> = form
                .split_whitespace()
                .skip_while(|w| nlp::is_name_title(w))
                .collect();
            if words.len() >= 2 {
                add(&mut sides, words.join(" "), a, span);
            }
        }
        // The surname alone shows a spelling that the full forms may not.
        if sides.len() < 2 {
            sides.clear();
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

/// A person called "former" X by some articles and X by others.
fn roles(story: &stories::Story, articles: &[Article], out: &mut Vec<Conflict>) {
    for e in &story.entities {
        let mut offices: Vec<String> = e
            .roles
            .iter()
            .filter(|r| r.former)
            .map(|r| nlp::office(&r.text))
            .collect();
        offices.sort();
        offices.dedup();
        for o in offices {
            let mut sides = Vec::new();
            for r in e.roles.iter().filter(|r| nlp::office(&r.text) == o) {
                let a = &articles[r.article];
                // What others said (a memo, a statement) is not the outlet's own title, and
                // a title marked as past ("the fired F.B.I. director", "his first national
                // security adviser") is right for that time.
                if in_direct_quote(a, r.span) || (!r.former && !about_now(a, r.span)) {
                    continue;
                }
                let value = if r.former {
                    format!("former {o}")
                } else {
                    o.clone()
                };
                add(&mut sides, value, r.article, r.span);
            }
            // A stale or wrong title stands out when one side is a single outlet against
            // several; one against one is as likely a past-tense mention of the old office.
            // And the lone outlet must be speaking of the present ("has dispatched", "will
            // travel", "says"): a title in an account of past events is right for that time.
            let lone = sides.iter().any(|s| {
                s.articles.len() == 1
                    && s.evidence
                        .iter()
                        .any(|&(a, sp)| speaks_of_now(&articles[a], sp))
            });
            let backed = sides.iter().any(|s| s.articles.len() >= 2);
            if sides.len() >= 2 && lone && backed {
                out.push(Conflict {
                    kind: Kind::Role,
                    about: e.name.clone(),
                    sides,
                });
            }
        }
    }
}

/// Whether `span` lies inside a direct quote of the article.
fn in_direct_quote(a: &Article, span: Span) -> bool {
    a.quotes
        .iter()
        .any(|q| q.direct && q.content.iter().any(|c| c.contains(span)))
}

/// Words that place a title in the past: "his first adviser", "then-director", "the fired
/// director", "the late president".
fn is_past_marker(w: &str) -> bool {
    matches!(
        w,
        "first"
            | "then"
            | "onetime"
            | "one-time"
            | "erstwhile"
            | "ex"
            | "late"
            | "previous"
            | "fired"
            | "ousted"
            | "sacked"
            | "dismissed"
            | "outgoing"
            | "longtime"
            | "original"
    )
}

/// Whether the title at `span` is given as current: no past marker in it or just before it.
fn about_now(a: &Article, span: Span) -> bool {
    let Some(sentence) = a.sentence_of(span) else {
        return false;
    };
    let lower = |t: &str| -> Vec<String> {
        t.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let before = lower(&a.text[sentence.start()..span.start()]);
    let own = lower(&a.text[span.range()]);
    !own.iter()
        .chain(before.iter().rev().take(2))
        .any(|w| is_past_marker(w) || w.starts_with("then-") || w.starts_with("ex-"))
}

/// Whether the sentence holding `span` has a verb of the present, the perfect or the future.
fn speaks_of_now(a: &Article, span: Span) -> bool {
    let Some(sentence) = a.sentence_of(span) else {
        return false;
    };
    stories::terms::words(&a.text[sentence.range()])
        .iter()
        .any(|w| {
            matches!(
                w.as_str(),
                "is" | "are"
                    | "has"
                    | "have"
                    | "will"
                    | "says"
                    | "plans"
                    | "wants"
                    | "expects"
                    | "hopes"
                    | "remains"
                    | "continues"
                    | "seeks"
                    | "faces"
                    | "insists"
                    | "warns"
                    | "tells"
                    | "urges"
            )
        })
}

/// Calendar inconsistencies of the story's articles.
fn dates(story: &stories::Story, articles: &[Article], out: &mut Vec<Conflict>) {
    for &a in &story.articles {
        let first = out.len();
        for n in articles[a].calendar {
            let about = articles[a].text[n.span.range()].to_string();
            // The same finding written several times in one article is one conflict.
            if let Some(c) = out[first..]
                .iter_mut()
                .find(|c| c.about == about && c.sides[0].value == n.message)
            {
                c.sides[0].evidence.push((a, n.span));
                continue;
            }
            out.push(Conflict {
                kind: Kind::Date,
                about,
                sides: vec![Side {
                    value: n.message.clone(),
                    articles: vec![a],
                    evidence: vec![(a, n.span)],
                }],
            });
        }
    }
}

/// Sentences of different articles tell of one event when their content words (the time
/// words left out) overlap this much (Dice) and share at least `SAME_EVENT_WORDS`.
const SAME_EVENT: f32 = 0.5;
const SAME_EVENT_WORDS: usize = 4;

/// One event placed on different calendar days by different articles: the story's timeline
/// events whose sentences tell of the same thing on different dates. Dates in doubt (a
/// calendar inconsistency) are already shown as such and are left out.
fn event_dates(timeline: &[crate::Event], articles: &[Article], out: &mut Vec<Conflict>) {
    struct Dated {
        date: String,
        article: usize,
        span: Span,
        words: HashSet<String>,
    }
    let mut dated: Vec<Dated> = Vec::new();
    for e in timeline {
        // Days only: a week and a day in it do not disagree.
        if e.disputed || e.start != e.end {
            continue;
        }
        for &(a, span) in &e.evidence {
            let art = &articles[a];
            if crate::timeline::dates_a_report(art, span) {
                continue;
            }
            let Some(sentence) = art.sentence_of(span) else {
                continue;
            };
            // The sentence without its time expressions: "on Tuesday" and "on Wednesday"
            // must not make two tellings look different, nor alike.
            let mut words = content_words(&art.text[sentence.range()]);
            for t in art.times.iter().filter(|t| sentence.contains(t.span)) {
                for w in content_words(&art.text[t.span.range()]) {
                    words.remove(&w);
                }
            }
            dated.push(Dated {
                date: e.date.clone(),
                article: a,
                span,
                words,
            });
        }
    }
    let mut found: Vec<Conflict> = Vec::new();
    for i in 0..dated.len() {
        for j in i + 1..dated.len() {
            let (x, y) = (&dated[i], &dated[j]);
            if x.article == y.article || x.date == y.date {
                continue;
            }
            let shared = x.words.intersection(&y.words).count();
            if shared < SAME_EVENT_WORDS || dice(&x.words, &y.words) < SAME_EVENT {
                continue;
            }
            // One conflict per event: join one that already has either telling.
            let k = found.iter().position(|c| {
                c.sides.iter().any(|s| {
                    s.evidence.contains(&(x.article, x.span))
                        || s.evidence.contains(&(y.article, y.span))
                })
            });
            let c = match k {
                Some(k) => &mut found[k],
                None => {
                    let sentence = articles[x.article].sentence_of(x.span).unwrap_or(x.span);
                    let about: Vec<&str> = articles[x.article].text[sentence.range()]
                        .split_whitespace()
                        .collect();
                    found.push(Conflict {
                        kind: Kind::Date,
                        about: shorten_words(&about, 14),
                        sides: Vec::new(),
                    });
                    found.last_mut().expect("just pushed")
                }
            };
            for d in [x, y] {
                add(&mut c.sides, d.date.clone(), d.article, d.span);
            }
        }
    }
    out.extend(found.into_iter().filter(|c| c.sides.len() >= 2));
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
