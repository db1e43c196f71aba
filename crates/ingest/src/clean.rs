//! Boilerplate removal for article text: site furniture out, metadata lines into metadata.
//!
//! Works on lines and paragraphs with general signals only: position (before the first body
//! paragraph, after the last), length, terminal punctuation, capitalisation, repetition, and short
//! lists of general web and newsroom phrases. Everything taken out is recorded in `removed`.

use crate::dates::parse_date;
use model::{DateEvidence, Dateline, PartialDate, Removed, RemovedKind, Span, Zone, ZoneKind};
use regex::Regex;
use std::sync::LazyLock;

/// The cleaned body with what cleaning learned about the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub text: String,
    pub zones: Vec<Zone>,
    pub removed: Vec<Removed>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<Dateline>,
    /// A date read from the dateline or a date line, with how it was known and the text it came from.
    pub date: Option<(PartialDate, DateEvidence, String)>,
    pub credits: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Summary,
    Heading,
    Drop(RemovedKind),
}

#[derive(Debug)]
struct Para {
    text: String,
    role: Role,
}

impl Para {
    fn kept(&self) -> bool {
        !matches!(self.role, Role::Drop(_))
    }
}

/// Cleans article text. `known_title` (from metadata) lets a repeated headline be recognised.
pub fn clean(raw: &str, known_title: Option<&str>) -> Cleaned {
    let mut paras: Vec<Para> = paragraphs(raw)
        .into_iter()
        .map(|text| Para {
            text,
            role: Role::Body,
        })
        .collect();
    let mut out = Cleaned {
        title: known_title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(String::from),
        ..Cleaned::default()
    };

    mark_boilerplate(&mut paras);
    mark_summaries(&mut paras);
    let first_body = paras
        .iter()
        .position(|p| p.role == Role::Body && is_body(&p.text))
        .unwrap_or(paras.len());
    clean_preamble(&mut paras, first_body, &mut out);
    clean_tail(&mut paras, &mut out);
    take_dateline(&mut paras, &mut out);
    mark_headings(&mut paras);
    assemble(paras, out)
}

// ---------------------------------------------------------------- paragraphs

/// Splits raw text into paragraphs: one per line, except that hard-wrapped text is re-joined.
fn paragraphs(raw: &str) -> Vec<String> {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = raw.split('\n').map(squeeze).collect();
    let nonblank: Vec<&String> = lines.iter().filter(|l| !l.is_empty()).collect();
    let wrapped = nonblank.len() >= 4 && {
        let mid = nonblank
            .iter()
            .filter(|l| (40..=100).contains(&l.chars().count()))
            .count();
        let max = nonblank
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        mid * 10 >= nonblank.len() * 7 && max <= 120
    };
    let mut out: Vec<String> = Vec::new();
    let mut prev_blank = true;
    for line in lines {
        if line.is_empty() {
            prev_blank = true;
            continue;
        }
        let join = !prev_blank
            && !is_bullet(&line)
            && out.last().is_some_and(|p| {
                wrapped
                    || (p.chars().count() >= 40
                        && !ends_terminal(p)
                        && line.chars().next().is_some_and(char::is_lowercase))
            });
        match out.last_mut() {
            Some(p) if join => {
                p.push(' ');
                p.push_str(&line);
            }
            _ => out.push(line),
        }
        prev_blank = false;
    }
    out
}

/// Trims a line and folds runs of white space (including no-break spaces and tabs) to one space.
fn squeeze(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    for word in line
        .split(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}')
        .filter(|w| !w.is_empty())
    {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(word);
    }
    s
}

// ---------------------------------------------------------------- line signals

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Ends a sentence: `.`, `!`, `?` or `…`, possibly inside closing quotes or brackets.
fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*']);
    t.ends_with(['.', '!', '?', '…'])
}

fn is_bullet(s: &str) -> bool {
    static BULLET: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:[-–—•*·▪●►]\s+|\d{1,2}[.)]\s+\S)").unwrap());
    BULLET.is_match(s)
}

/// A paragraph of running text rather than a label, headline or link.
fn is_body(s: &str) -> bool {
    let n = word_count(s);
    !is_bullet(s) && ((n >= 8 && ends_terminal(s)) || n >= 20)
}

/// Lower case letters and digits only, for comparing lines.
fn key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !k.is_empty() {
            k.push(' ');
        }
        k.extend(w.chars().flat_map(char::to_lowercase));
    }
    k
}

/// Two words glued without a space, as in a navigation bar flattened to text ("EuropeWorld").
fn has_glued_words(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let cs: Vec<char> = w.chars().collect();
        cs.windows(3)
            .any(|x| x[0].is_lowercase() && x[1].is_lowercase() && x[2].is_uppercase())
            && cs.first().is_some_and(|c| c.is_uppercase())
    })
}

/// Separators of breadcrumbs and menus.
fn has_menu_separators(s: &str) -> bool {
    [" | ", " > ", " › ", " » ", " / ", " • ", " · "]
        .iter()
        .any(|sep| s.contains(sep))
}

const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "van", "von", "der", "den", "ter", "bin", "bint", "al", "el",
    "la", "le", "du", "dos", "das", "y",
];

/// Looks like a person's name on its own: two to four capitalised words, no digits, no sentence marks.
fn is_name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || s.chars().count() > 48 {
        return false;
    }
    if s.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        })
        .count();
    let particles = words
        .iter()
        .filter(|w| NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
        .count();
    capitalised >= 2 && capitalised + particles == words.len()
}

// ---------------------------------------------------------------- boilerplate phrases

/// Whole lines that head lists of links to other stories.
const RELATED_LINES: &[&str] = &[
    "related",
    "related articles",
    "related article",
    "related stories",
    "related story",
    "related news",
    "related content",
    "related posts",
    "related coverage",
    "related topics",
    "related links",
    "further reading",
    "read more",
    "read also",
    "also read",
    "see also",
    "more on this story",
    "more on this topic",
    "more stories",
    "more news",
    "more from this section",
    "recommended",
    "recommended stories",
    "recommended articles",
    "recommended for you",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "top stories",
    "latest news",
    "latest stories",
    "editor's picks",
    "editors picks",
    "don't miss",
    "read next",
    "up next",
    "what to read next",
    "in other news",
    // The same in other languages news is written in.
    "weitere themen",
    "weitere nachrichten",
    "mehr dazu",
    "auch interessant",
    "ebenfalls interessant",
    "zum weiterlesen",
    "weiterlesen",
    "ähnliche artikel",
    "ähnliche beiträge",
    "verwandte artikel",
    "passend zum thema",
    "schon gelesen",
    "meistgelesen",
    "meistgelesene artikel",
    "empfehlungen",
    "lies auch",
    "a lire aussi",
    "voir aussi",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "les plus lus",
    "lea también",
    "le puede interesar",
    "noticias relacionadas",
    "artículos relacionados",
    "más noticias",
    "lo más leído",
    "leggi anche",
    "articoli correlati",
    "zobacz także",
    "zobacz też",
    "podobne artykuły",
    "leia também",
    "veja também",
    "notícias relacionadas",
    "lees ook",
    "gerelateerde artikelen",
];

/// Openings of short lines (up to eight words) that head lists of links to other stories:
/// "You might also be interested in:", "Das könnte dich auch interessieren:". They also cover
/// those lines alone ("Lesen Sie auch"), which `RELATED_LINES` therefore leaves out.
const RELATED_PREFIXES: &[&str] = &[
    "you might also",
    "you may also",
    "more from",
    "more stories from",
    "read more about",
    "das könnte",
    "das thema könnte",
    "dies könnte",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "mehr über",
    "weitere artikel",
    "weitere beiträge",
    "weitere aktuelle",
    "à lire aussi",
    "lire aussi",
    "lee también",
    "leer también",
    "te puede interesar",
    "czytaj także",
    "czytaj też",
];

/// Whole lines of page furniture: share prompts, comment forms, sign-ups, media labels.
const FURNITURE_LINES: &[&str] = &[
    "advert",
    "adverts",
    "ad",
    "ads",
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on whatsapp",
    "share on linkedin",
    "share via email",
    "tweet",
    "email",
    "print",
    "copy link",
    "link copied",
    "comments",
    "comment",
    "show comments",
    "view comments",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "cancel reply",
    "post comment",
    "submit",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "follow us",
    "skip to content",
    "skip to main content",
    "back to top",
    "listen to this article",
    "listen",
    "save",
    "save article",
    "reuse this content",
    "image",
    "photo",
    "video",
    "gallery",
    "close",
    "menu",
    "search",
    "home",
    "teilen",
    "drucken",
    "kommentare",
    "kommentar",
    "kommentar schreiben",
    "keine kommentare",
    "bisher keine kommentare",
    "antworten",
    "abonnieren",
    "anzeige",
    "werbung",
    "nach oben",
    "über den autor",
    "über die autorin",
    "partager",
    "commentaires",
    "commenter",
    "publicité",
    "compartir",
    "comentarios",
    "publicidad",
    "condividi",
    "commenti",
    "udostępnij",
    "komentarze",
    "reklama",
    "compartilhe",
    "comentários",
    "delen",
    "reacties",
];

/// Line openings of page furniture (only on lines of fewer than 40 words).
const FURNITURE_PREFIXES: &[&str] = &[
    "your email address will not be published",
    "required fields are marked",
    "you must be logged in to",
    "sign up for",
    "sign up to",
    "subscribe to our",
    "subscribe to the",
    "subscribe for",
    "follow us on",
    "follow our",
    "click here to",
    "click here for",
    "we use cookies",
    "this site uses cookies",
    "by clicking",
    "copyright ©",
    "copyright (c)",
    "©",
    "all rights reserved",
    "download the app",
    "download our app",
    "get the latest",
    "join our",
    "read the full story",
    "share this with",
    "share via",
    "comments are closed",
    "comments have been closed",
    "be the first to comment",
    "this article has been archived",
    "our newsletter",
    "newsletter sign",
    "enter your email",
    "this slideshow requires javascript",
    "gefällt mir",
    "wird geladen",
    "klicken sie hier",
    "hier klicken",
    "abonnieren sie",
    "pour lire la suite",
    "abonnez-vous",
    "síguenos en",
    "suscríbete",
    "haz clic",
];

/// Whole lines that open a summary of the story.
const SUMMARY_HEADERS: &[&str] = &[
    "key points",
    "key takeaways",
    "takeaways",
    "highlights",
    "story highlights",
    "summary",
    "in brief",
    "in short",
    "at a glance",
    "the big picture",
    "what we know",
    "what you need to know",
    "tl dr",
    "tldr",
    "quick read",
    "the gist",
    "main points",
    "key facts",
    "fast facts",
];

fn boilerplate_kind(s: &str) -> Option<RemovedKind> {
    let k = key(s);
    if k.is_empty() {
        // Punctuation or symbols alone.
        return Some(RemovedKind::Furniture);
    }
    if RELATED_LINES.contains(&k.as_str()) {
        return Some(RemovedKind::Related);
    }
    if FURNITURE_LINES.contains(&k.as_str()) {
        return Some(RemovedKind::Furniture);
    }
    if word_count(s) <= 8 && RELATED_PREFIXES.iter().any(|p| k.starts_with(p)) {
        return Some(RemovedKind::Related);
    }
    static COUNTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d+ (?:comments?|replies|shares|views|min read|minutes? read)$").unwrap()
    });
    if COUNTS.is_match(&k) {
        return Some(RemovedKind::Furniture);
    }
    // Blog shortcodes left in the text: "[button link="..." type="big"] Submit", "[/caption]".
    static SHORTCODE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\[(?:/[a-z_]+\]|[a-z_]+\s+[a-z_]+\s*=)").unwrap());
    if SHORTCODE.is_match(s.trim_start()) {
        return Some(RemovedKind::Furniture);
    }
    if word_count(s) < 40 {
        let lower = s.to_lowercase();
        if FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            return Some(RemovedKind::Furniture);
        }
    }
    None
}

fn is_summary_header(s: &str) -> bool {
    SUMMARY_HEADERS.contains(&key(s).as_str()) && word_count(s) <= 5
}

/// A credit line: "Reporting by ...", "(Reuters)", "— AFP", "With inputs from agencies".
fn is_credit(s: &str) -> bool {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research|translated|translation|graphics|photos?)\s+by\b|\(?with\s+(?:agency\s+)?inputs?\s+from\b|\(?(?:source|sources|via)\s*:|\(?this (?:story|article|report) (?:was|has been|first|originally)\b)",
        )
        .unwrap()
    });
    static AGENCY_ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:[(\[]\s*\p{Lu}[\p{L}&.' -]{0,30}[)\]]|[—–-]{1,2}\s*\p{Lu}[\p{L}&.' ]{0,30})$",
        )
        .unwrap()
    });
    (word_count(s) <= 40 && CREDIT.is_match(s)) || (word_count(s) <= 5 && AGENCY_ALONE.is_match(s))
}

/// "By Jane Doe", "BY JANE DOE and John Roe", "Written by Jane Doe": the names, without the "by".
fn byline_names(s: &str) -> Option<String> {
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:written\s+|words\s+)?by[:\s]\s*(\p{L}.{1,80})$").unwrap()
    });
    let c = BY.captures(s)?;
    let names = c[1].trim();
    (word_count(names) <= 10 && names.chars().next().is_some_and(char::is_uppercase))
        .then(|| names.to_string())
}

/// An outlet credit such as "Example Media Network - Springfield": (outlet, place).
fn outlet_credit(s: &str) -> Option<(String, String)> {
    /// Words that newsroom names are made of.
    const OUTLET_WORDS: &[&str] = &[
        "news",
        "media",
        "network",
        "agency",
        "press",
        "times",
        "post",
        "herald",
        "journal",
        "daily",
        "tribune",
        "telegraph",
        "gazette",
        "service",
        "wire",
        "bureau",
        "desk",
        "tv",
        "radio",
        "broadcasting",
        "online",
        "chronicle",
        "observer",
        "express",
        "mail",
        "today",
        "weekly",
        "monitor",
        "review",
        "standard",
        "star",
        "inquirer",
        "courier",
        "report",
        "reporter",
        "dispatch",
        "newsroom",
        "correspondent",
        "staff",
    ];
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<org>[^-–—|]{3,60}?)\s+[-–—|]\s+(?P<place>\p{Lu}[\p{L}.'’ ]{1,40})$")
            .unwrap()
    });
    let c = CREDIT.captures(s)?;
    let org = c["org"].trim();
    let is_outlet = key(org).split(' ').any(|w| OUTLET_WORDS.contains(&w));
    (is_outlet && word_count(org) <= 6 && word_count(&c["place"]) <= 4)
        .then(|| (org.to_string(), c["place"].trim().to_string()))
}

/// A line that only gives a publication date ("Published 26 November 2025, 10:32 GMT").
fn date_line(s: &str) -> Option<PartialDate> {
    const ALLOWED: &[&str] = &[
        "published",
        "updated",
        "posted",
        "last",
        "first",
        "on",
        "at",
        "am",
        "pm",
        "gmt",
        "utc",
        "est",
        "edt",
        "cet",
        "cest",
        "bst",
        "ist",
        "et",
        "pt",
        "pst",
        "pdt",
        "ct",
        "date",
        "time",
    ];
    if word_count(s) > 14 {
        return None;
    }
    let (date, range) = parse_date(s)?;
    date.year?;
    let rest = format!("{} {}", &s[..range.start], &s[range.end..]);
    let ok = key(&rest).split(' ').filter(|w| !w.is_empty()).all(|w| {
        ALLOWED.contains(&w)
            || model::calendar::weekday_number(w).is_some()
            || w.chars().all(|c| c.is_ascii_digit())
    });
    ok.then_some(date)
}

// ---------------------------------------------------------------- passes

fn drop(p: &mut Para, kind: RemovedKind) {
    p.role = Role::Drop(kind);
}

/// Related-link headers, share prompts and comment forms; a related header near the end takes the
/// link lines under it along.
fn mark_boilerplate(paras: &mut [Para]) {
    for p in paras.iter_mut() {
        if let Some(kind) = boilerplate_kind(&p.text) {
            drop(p, kind);
        }
    }
    // A "Related" header after which no running text follows: everything after it is links.
    if let Some(start) = paras
        .iter()
        .position(|p| p.role == Role::Drop(RemovedKind::Related))
    {
        for r in start..paras.len() {
            if paras[r].role != Role::Drop(RemovedKind::Related) {
                continue;
            }
            let tail_is_links = paras[r + 1..]
                .iter()
                .all(|p| !p.kept() || !is_body(&p.text));
            let body_before = paras[..r].iter().any(|p| p.kept() && is_body(&p.text));
            if tail_is_links && body_before {
                for p in &mut paras[r + 1..] {
                    if p.kept() {
                        drop(p, RemovedKind::Related);
                    }
                }
                break;
            }
        }
    }
}

/// A summary header followed by bullet points: kept, but marked as a summary.
fn mark_summaries(paras: &mut [Para]) {
    let mut i = 0;
    while i < paras.len() {
        if paras[i].kept() && is_summary_header(&paras[i].text) {
            let bullets = paras[i + 1..]
                .iter()
                .take_while(|p| is_bullet(&p.text))
                .count();
            if bullets > 0 {
                for p in &mut paras[i..=i + bullets] {
                    p.role = Role::Summary;
                }
                i += bullets;
            }
        }
        i += 1;
    }
}

/// Lines before the first body paragraph: headline (and its repeats), navigation crumbs, outlet
/// credits, bylines and date lines.
fn clean_preamble(paras: &mut [Para], first_body: usize, out: &mut Cleaned) {
    let pre: Vec<usize> = (0..first_body)
        .filter(|&i| paras[i].role == Role::Body)
        .collect();
    let title_key = out.title.as_deref().map(key);
    let mut headline_at: Option<usize> = None;

    // The known title, and any line repeated in the preamble, is the headline.
    let keys: Vec<String> = pre.iter().map(|&i| key(&paras[i].text)).collect();
    for (n, &i) in pre.iter().enumerate() {
        let k = &keys[n];
        let is_title = title_key
            .as_deref()
            .is_some_and(|t| !t.is_empty() && t == k);
        let repeated = word_count(&paras[i].text) >= 3
            && keys
                .iter()
                .enumerate()
                .any(|(m, other)| m != n && other == k);
        if is_title || repeated {
            if out.title.is_none() {
                out.title = Some(paras[i].text.clone());
            }
            headline_at.get_or_insert(i);
            drop(&mut paras[i], RemovedKind::Headline);
        }
    }
    // Metadata lines anywhere in the preamble.
    for &i in &pre {
        if !paras[i].kept() {
            continue;
        }
        let text = paras[i].text.clone();
        if let Some((outlet, place)) = outlet_credit(&text) {
            out.outlet.get_or_insert(outlet);
            out.dateline.get_or_insert(Dateline {
                place,
                raw: text.clone(),
            });
            drop(&mut paras[i], RemovedKind::Credit);
        } else if let Some(names) = byline_names(&text) {
            out.byline.get_or_insert(names);
            drop(&mut paras[i], RemovedKind::Byline);
        } else if let Some(date) = date_line(&text) {
            if out.date.is_none() {
                out.date = Some((date, DateEvidence::Text, text.clone()));
            }
            drop(&mut paras[i], RemovedKind::DateLine);
        } else if is_credit(&text) {
            out.credits.push(text);
            drop(&mut paras[i], RemovedKind::Credit);
        }
    }
    // Without a known headline, the last headline-like line before the body is the headline.
    if headline_at.is_none() && out.title.is_none() {
        let candidate = pre.iter().rev().copied().find(|&i| {
            let p = &paras[i];
            let n = word_count(&p.text);
            p.kept()
                && (3..=30).contains(&n)
                && !p.text.ends_with('.')
                && !has_glued_words(&p.text)
                && !has_menu_separators(&p.text)
                && !is_name_like(&p.text)
        });
        if let Some(i) = candidate {
            out.title = Some(paras[i].text.clone());
            headline_at = Some(i);
            drop(&mut paras[i], RemovedKind::Headline);
        }
    }
    for &i in &pre {
        if !paras[i].kept() {
            continue;
        }
        let text = &paras[i].text;
        let short = word_count(text) <= 12 && !ends_terminal(text);
        let before_headline = headline_at.is_some_and(|h| i < h);
        let after_headline = headline_at.is_some_and(|h| i > h);
        if short && (before_headline || has_glued_words(text) || has_menu_separators(text)) {
            drop(&mut paras[i], RemovedKind::Navigation);
        } else if after_headline && is_name_like(text) {
            out.byline.get_or_insert(text.clone());
            drop(&mut paras[i], RemovedKind::Byline);
        }
    }
}

/// The end of the article: credits, a byline on its own line, and trailing furniture.
fn clean_tail(paras: &mut [Para], out: &mut Cleaned) {
    let mut byline_taken = false;
    for i in (0..paras.len()).rev() {
        if !paras[i].kept() {
            continue;
        }
        let text = paras[i].text.clone();
        if is_credit(&text) {
            out.credits.insert(0, text);
            drop(&mut paras[i], RemovedKind::Credit);
        } else if let Some(names) = byline_names(&text) {
            out.byline.get_or_insert(names);
            drop(&mut paras[i], RemovedKind::Byline);
        } else if !byline_taken && is_name_like(&text) {
            byline_taken = true;
            out.byline.get_or_insert(text);
            drop(&mut paras[i], RemovedKind::Byline);
        } else {
            break;
        }
    }
}

/// A dateline opening the first body paragraph ("WASHINGTON:", "Springfield, Nov 26:",
/// "LONDON (Agency) -", "(City/City)") is moved into metadata.
fn take_dateline(paras: &mut [Para], out: &mut Cleaned) {
    const M: &str = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        let place_word = r"\p{Lu}[\p{Ll}\p{Lu}.'’-]*";
        let place = format!(r"{place_word}(?:\s{place_word}){{0,2}}");
        [
            // (City) or (City/City) before a capitalised word.
            format!(r"^\((?P<place>{place}(?:\s*[/,]\s*{place}){{0,3}})\)\s+"),
            // CITY: / CITY, Country — / CITY, Nov 26 (Agency) -
            format!(
                r"^(?P<place>\p{{Lu}}[\p{{Lu}}.'’-]{{2,}}(?:\s\p{{Lu}}[\p{{Lu}}.'’-]+){{0,2}}(?:,\s*{place})?)(?:,\s*(?P<date>{M}\s+\d{{1,2}}(?:,?\s+\d{{4}})?))?\s*(?:\((?P<agency>[^)]{{2,40}})\))?\s*(?:[:—–]|\s-|--)\s*"
            ),
            // City, Nov 26: / City, State, Nov 26 (Agency) -
            format!(
                r"^(?P<place>{place}(?:,\s*{place})?),\s*(?P<date>{M}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)\s*(?:\((?P<agency>[^)]{{2,40}})\))?\s*(?:[:—–]|\s?-)\s*"
            ),
            // City (Agency) -
            format!(
                r"^(?P<place>{place})\s*\((?P<agency>\p{{Lu}}[\p{{L}}&. ]{{1,30}})\)\s*(?:[:—–]|-)\s*"
            ),
        ]
        .iter()
        .map(|p| Regex::new(p).unwrap())
        .collect()
    });
    let Some(p) = paras.iter_mut().find(|p| p.role == Role::Body) else {
        return;
    };
    for re in PATTERNS.iter() {
        let Some(c) = re.captures(&p.text) else {
            continue;
        };
        let whole = c.get(0).unwrap();
        let rest = p.text[whole.end()..].trim_start();
        let starts_sentence = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘'));
        if word_count(rest) < 4 || !starts_sentence {
            continue;
        }
        let raw = whole.as_str().trim().to_string();
        out.dateline = Some(Dateline {
            place: place_name(c["place"].trim()),
            raw: raw.clone(),
        });
        if let Some(agency) = c.name("agency") {
            out.credits.push(agency.as_str().to_string());
        }
        if let Some(d) = c.name("date").and_then(|d| parse_date(d.as_str())) {
            let keep_text = out
                .date
                .as_ref()
                .is_some_and(|(old, _, _)| old.year.is_some() && d.0.year.is_none());
            if !keep_text {
                out.date = Some((d.0, DateEvidence::Dateline, raw.clone()));
            }
        }
        out.removed.push(Removed {
            kind: RemovedKind::Dateline,
            text: raw,
        });
        p.text = rest.to_string();
        return;
    }
}

/// `WASHINGTON` -> `Washington`, `KYIV, Ukraine` -> `Kyiv, Ukraine`; mixed case is kept as written.
fn place_name(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters > 1
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            {
                let mut cs = w.chars();
                let first = cs.next().map(String::from).unwrap_or_default();
                first + &cs.as_str().to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Short lines between body paragraphs become heading zones.
fn mark_headings(paras: &mut [Para]) {
    let kept: Vec<usize> = (0..paras.len()).filter(|&i| paras[i].kept()).collect();
    for w in kept.windows(2) {
        let (i, next) = (w[0], w[1]);
        let p = &paras[i];
        let n = word_count(&p.text);
        if p.role == Role::Body
            && (1..=14).contains(&n)
            && !is_bullet(&p.text)
            && !ends_terminal(&p.text)
            && !p.text.ends_with([',', ';', ':'])
            && paras[next].role == Role::Body
            && is_body(&paras[next].text)
        {
            paras[i].role = Role::Heading;
        }
    }
}

fn assemble(paras: Vec<Para>, mut out: Cleaned) -> Cleaned {
    let mut text = String::new();
    let mut zones: Vec<Zone> = Vec::new();
    let mut removed = Vec::new();
    for p in paras {
        match p.role {
            Role::Drop(kind) => removed.push(Removed { kind, text: p.text }),
            role => {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let start = text.len();
                text.push_str(&p.text);
                let span = Span::new(start, text.len());
                match role {
                    Role::Summary => match zones.last_mut() {
                        Some(z) if z.kind == ZoneKind::Summary && z.span.end() + 2 == start => {
                            z.span = Span::new(z.span.start(), span.end());
                        }
                        _ => zones.push(Zone {
                            kind: ZoneKind::Summary,
                            span,
                        }),
                    },
                    Role::Heading => zones.push(Zone {
                        kind: ZoneKind::Heading,
                        span,
                    }),
                    _ => {}
                }
            }
        }
    }
    // The dateline was recorded when it was cut; keep removal order as in the text.
    removed.append(&mut out.removed);
    out.text = text;
    out.zones = zones;
    out.removed = removed;
    out
}

#[cfg(test)]
mod tests;
