//! Markdown and terminal renderings of the articles read.

use crate::{plural, Annotations};
use model::{Article, ZoneKind};
use nlp::{EntityKind, Layers};
use std::fmt::Write;
use stories::terms::shorten;

fn published(a: &Article) -> String {
    let iso = a.published.date.iso();
    if iso.is_empty() {
        "unknown".to_string()
    } else {
        format!("{iso} ({})", a.published.how.as_str())
    }
}

/// Escapes text for Markdown so that article text cannot inject markup or HTML.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// What each story is made of, as labelled lines: its articles, the groups of articles that are
/// not independent with the evidence, and the people merged across articles with their flags.
fn story_lines(articles: &[Article], d: &dossier::Dossier) -> Vec<(&'static str, String)> {
    let s = &d.story;
    let id = |i: &usize| articles[*i].id.as_str();
    let mut out = Vec::new();
    // Conflicts first: each side with its value and the words that show it.
    for c in &d.conflicts {
        let sides: Vec<String> = c
            .sides
            .iter()
            .map(|side| {
                let (a, sp) = side.evidence[0];
                let words = articles[a].text[sp.range()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let arts: Vec<&str> = side.articles.iter().map(id).collect();
                format!(
                    "{} ({}: \"{}\")",
                    side.value,
                    arts.join(", "),
                    shorten(&words, 60)
                )
            })
            .collect();
        out.push((
            "conflict",
            format!(
                "{} about {}: {}",
                c.kind.as_str(),
                c.about,
                sides.join(" vs ")
            ),
        ));
    }
    out.push((
        "articles",
        s.articles.iter().map(id).collect::<Vec<_>>().join(", "),
    ));
    out.push((
        "independent sources",
        format!(
            "{} of {}: {}",
            s.independent_groups.len(),
            s.articles.len(),
            s.independent_groups
                .iter()
                .map(|g| format!("[{}]", g.iter().map(id).collect::<Vec<_>>().join(", ")))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ));
    for r in &s.relations {
        let mut line = format!("{} and {}: {}", id(&r.a), id(&r.b), r.kind.as_str());
        if let Some(a) = &r.agency {
            let _ = write!(line, " ({a})");
        }
        if let Some(p) = r.passages.first() {
            let said = articles[r.a].text[p.a.range()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let _ = write!(
                line,
                ", {} passages, e.g. \"{}\"",
                r.passages.len(),
                shorten(&said, 100)
            );
        }
        out.push(("copy", line));
    }
    for e in s
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && (e.articles.len() > 1 || !e.flags.is_empty()))
    {
        let mut line = format!("{} ({} articles)", e.name, e.articles.len());
        if e.aliases.len() > 1 {
            let _ = write!(
                line,
                ", also {}",
                e.aliases
                    .iter()
                    .filter(|a| **a != e.name)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let mut roles: Vec<&str> = e.roles.iter().map(|r| r.text.as_str()).collect();
        roles.dedup();
        if !roles.is_empty() {
            let _ = write!(line, "; roles: {}", roles.join(", "));
        }
        out.push(("person", line));
        for f in &e.flags {
            out.push(("flag", format!("{}: {f}", e.name)));
        }
    }
    // Facts several articles report, with their independent sources.
    for f in &d.facts {
        let arts: Vec<&str> = f.articles.iter().map(id).collect();
        out.push((
            "fact",
            format!(
                "{} independent of {} ({}): {}",
                f.independent_sources,
                f.articles.len(),
                arts.join(", "),
                shorten(&f.text, 120)
            ),
        ));
    }
    // What each outlet alone reports, and how many main facts it leaves out.
    for c in &d.coverage {
        let main = d
            .facts
            .iter()
            .filter(|f| f.independent_sources >= 2)
            .count();
        let mut line = format!(
            "{}: {} claims only here; leaves out {} of {} facts that two or more sources report",
            id(&c.article),
            c.only.len(),
            c.missing.len(),
            main
        );
        if let Some(s) = c.only.first() {
            let said = articles[c.article].text[s.range()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let _ = write!(line, "; e.g. \"{}\"", shorten(&said, 90));
        }
        out.push(("coverage", line));
    }
    // The timeline: dated events, with how many articles place them there.
    for e in &d.timeline {
        let arts: Vec<&str> = e.articles.iter().map(id).collect();
        out.push((
            "timeline",
            format!(
                "{}{}: {} ({})",
                e.date,
                if e.disputed { " (date disputed)" } else { "" },
                shorten(&e.label, 110),
                arts.join(", ")
            ),
        ));
    }
    // Remarks that more than one article reports, each rendering with its article.
    for g in &d.quotes {
        let mut arts: Vec<usize> = g.variants.iter().map(|v| v.article).collect();
        arts.dedup();
        if arts.len() < 2 {
            continue;
        }
        let renderings: Vec<String> = g
            .variants
            .iter()
            .map(|v| {
                let text = &articles[v.article].text;
                let said: Vec<&str> = v.parts.iter().map(|p| &text[p.range()]).collect();
                let said = said
                    .join(" … ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                format!("{}: {}", articles[v.article].id, shorten(&said, 90))
            })
            .collect();
        let mark = if g.verbatim { " (verbatim)" } else { "" };
        out.push((
            "remark",
            format!("{}{mark}: {}", g.speaker, renderings.join(" | ")),
        ));
        for f in &g.flags {
            out.push(("flag", format!("{}: {f}", g.speaker)));
        }
    }
    out
}

/// A Markdown document: the stories, then one section per article with its metadata, names and
/// text.
pub fn to_markdown(
    articles: &[Article],
    layers: &[Annotations],
    stories: &[dossier::Dossier],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# corroborate: {} articles\n", articles.len());
    for (n, s) in stories.iter().enumerate() {
        let _ = writeln!(
            out,
            "## Story {}: {}\n",
            n + 1,
            md_escape(&s.story.headline)
        );
        for (label, line) in story_lines(articles, s) {
            let _ = writeln!(out, "- {label}: {}", md_escape(&line));
        }
        out.push('\n');
    }
    for (a, l) in articles.iter().zip(layers) {
        let title = a.title.as_deref().unwrap_or("(untitled)");
        let _ = writeln!(out, "## {}\n", md_escape(title));
        let _ = writeln!(out, "- id: `{}`", a.id.replace('`', "'"));
        for (k, v) in [
            ("outlet", a.outlet.as_deref()),
            ("byline", a.byline.as_deref()),
            ("dateline", a.dateline.as_ref().map(|d| d.place.as_str())),
            ("language", a.language.as_deref()),
            ("url", a.source.url.as_deref()),
        ] {
            if let Some(v) = v {
                let _ = writeln!(out, "- {k}: {}", md_escape(v));
            }
        }
        let _ = writeln!(out, "- published: {}", published(a));
        let _ = writeln!(out, "- source: `{}`", a.source.path.replace('`', "'"));
        if !a.removed.is_empty() {
            let _ = writeln!(
                out,
                "- removed: {}",
                plural(a.removed.len(), "line", "lines")
            );
        }
        for (label, line) in findings(a, l) {
            let _ = writeln!(out, "- {label}: {}", md_escape(&line));
        }
        out.push('\n');
        for (start, para) in paragraphs(&a.text) {
            match a.zone_at(start) {
                Some(ZoneKind::Heading) => {
                    let _ = writeln!(out, "### {}\n", md_escape(para));
                }
                Some(ZoneKind::Summary) => {
                    let _ = writeln!(out, "> {}\n", md_escape(para));
                }
                None => {
                    let _ = writeln!(out, "{}\n", md_escape(para));
                }
            }
        }
    }
    out
}

/// The distinct names of one kind, in order of first mention, people with their first role.
fn names(a: &Article, layers: &Layers, kind: EntityKind) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for e in layers.entities.iter().filter(|e| e.kind == kind) {
        let name = &a.text[e.span.range()];
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let role = layers
            .roles
            .iter()
            .filter(|r| &a.text[r.person.range()] == name)
            .map(|r| &a.text[r.role.range()])
            .next();
        out.push(match role {
            Some(r) => format!("{name} ({r})"),
            None => name.to_string(),
        });
    }
    out
}

const KINDS: [(EntityKind, &str); 4] = [
    (EntityKind::Person, "people"),
    (EntityKind::Organization, "organisations"),
    (EntityKind::Location, "places"),
    (EntityKind::Misc, "other names"),
];

/// What the annotators found, as labelled lines for both renderings: the names of each kind,
/// then each calendar inconsistency with its evidence.
fn findings(a: &Article, l: &Annotations) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (kind, label) in KINDS {
        let n = names(a, &l.layers, kind);
        if !n.is_empty() {
            out.push((label, n.join("; ")));
        }
    }
    for n in &l.calendar {
        out.push((
            "calendar",
            format!("{}: {}", &a.text[n.span.range()], n.message),
        ));
    }
    for q in &l.quotes {
        out.push(("quote", quote_line(&a.text, q)));
    }
    for q in &l.quantities {
        out.push(("number", quantity_line(&a.text, q)));
    }
    out
}

/// Who said what, in one line: `Dmitry Peskov ("he", said): “It is too early…”`.
fn quote_line(text: &str, q: &quotes::Quote) -> String {
    let who = match (q.resolved, q.speaker) {
        (Some(r), Some(s)) if text[s.range()] != text[r.span.range()] => {
            format!("{} (\"{}\")", &text[r.span.range()], &text[s.range()])
        }
        (Some(r), _) => text[r.span.range()].to_string(),
        (None, Some(s)) => format!("\"{}\" (unresolved)", &text[s.range()]),
        (None, None) => "unattributed".to_string(),
    };
    let said: Vec<&str> = q.content.iter().map(|s| &text[s.range()]).collect();
    let said = said
        .join(" … ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let kind = if q.direct { "direct" } else { "reported" };
    format!("{who}, {kind}: {}", shorten(&said, 160))
}

/// `at least 7 people, wounded, in Zaporizhzhia ("At least seven")`.
fn quantity_line(text: &str, q: &quantities::Quantity) -> String {
    let mut line = format!("{} {}", q.qualifier.as_str(), q.value);
    if let Some(h) = q.high {
        let _ = write!(line, " to {h}");
    }
    if let Some(u) = &q.unit {
        let _ = write!(line, " {}", u.as_str());
    }
    for (word, s) in [("", q.counted), (", ", q.event), (" in ", q.place)] {
        if let Some(s) = s {
            let _ = write!(
                line,
                "{}{}",
                if word.is_empty() { " " } else { word },
                &text[s.range()]
            );
        }
    }
    let _ = write!(line, " (\"{}\")", &text[q.span.range()]);
    line
}

/// Paragraphs of the cleaned text with their byte offsets.
fn paragraphs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = text.as_ptr() as usize;
    text.split("\n\n")
        .filter(|p| !p.is_empty())
        .map(move |p| (p.as_ptr() as usize - base, p))
}

/// Drops control characters (terminal escape sequences in hostile text) from one line of output.
fn term(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A short terminal summary: one block per article, with the names it mentions, then the stories.
pub fn to_text(
    articles: &[Article],
    layers: &[Annotations],
    stories: &[dossier::Dossier],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} articles", articles.len());
    for (a, l) in articles.iter().zip(layers) {
        let words = a.text.split_whitespace().count();
        let _ = writeln!(
            out,
            "\n{}  {}",
            term(&a.id),
            term(a.title.as_deref().unwrap_or("(untitled)"))
        );
        let mut facts = vec![format!("published {}", published(a))];
        if let Some(o) = &a.outlet {
            facts.push(format!("outlet {o}"));
        }
        if let Some(b) = &a.byline {
            facts.push(format!("by {b}"));
        }
        if let Some(d) = &a.dateline {
            facts.push(format!("dateline {}", d.place));
        }
        if let Some(l) = &a.language {
            facts.push(format!("language {l}"));
        }
        facts.push(format!("{words} words"));
        if !a.removed.is_empty() {
            facts.push(format!(
                "{} removed",
                plural(a.removed.len(), "line", "lines")
            ));
        }
        let _ = writeln!(out, "  {}", term(&facts.join(" · ")));
        for (label, line) in findings(a, l) {
            let _ = writeln!(out, "  {label}: {}", term(&line));
        }
    }
    let _ = match stories.len() {
        1 => writeln!(out, "\n1 story"),
        n => writeln!(out, "\n{n} stories"),
    };
    for (n, s) in stories.iter().enumerate() {
        let _ = writeln!(out, "\nstory {}  {}", n + 1, term(&s.story.headline));
        for (label, line) in story_lines(articles, s) {
            let _ = writeln!(out, "  {label}: {}", term(&line));
        }
    }
    out
}
