//! The self-contained HTML dossier: one file, no scripts, no network, every piece of article
//! text escaped.
//!
//! Each story with two or more articles gets its conflicts first (both sides' evidence
//! highlighted in its sentence), then its facts with their independent sources, the timeline
//! drawn as an SVG picture, a source-by-fact coverage grid, remarks in their outlets' wordings,
//! the people and organisations with their variants, and the copies found. The articles follow,
//! each with its conflict evidence marked, so that every line links to the text it comes from.

use crate::{plural, Annotations};
use chrono::{Datelike, NaiveDate};
use model::{Article, Span};
use nlp::EntityKind;
use std::collections::HashSet;
use std::fmt::Write;
use stories::terms::shorten;

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than line breaks and tabs have no place in a page.
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#f6f7f9;--card:#fff;--mark:#ffe27a;--accent:#2456a6}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:24px 20px 60px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:22px;margin:40px 0 6px;padding-top:12px;border-top:3px solid var(--ink)}
h3{font-size:17px;margin:28px 0 10px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
h4{font-size:15px;margin:0 0 10px}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
.lede{color:var(--muted);margin:0 0 10px}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
.stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:6px 12px}
.stat b{font-size:20px;display:block}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin:0 0 14px}
.kind{display:inline-block;font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;border-radius:4px;padding:1px 7px;margin-right:8px;color:#fff;background:#6b7280}
.k-name{background:#7c3aed}.k-role{background:#b45309}.k-date{background:#0e7490}.k-number{background:#be123c}.k-certainty{background:#15803d}.k-attribution{background:#1d4ed8}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.side{border-left:4px solid var(--line);padding:2px 0 2px 12px}
.side .value{font-weight:700;font-size:16px}
.ctx{margin:6px 0 2px;color:#333}
mark{background:var(--mark);padding:0 1px;border-radius:2px}
.cite{font-size:12px;color:var(--muted)}
.src{display:inline-block;font-size:12px;border-radius:10px;padding:0 8px;margin:1px 3px 1px 0;border:1px solid currentColor;overflow-wrap:anywhere}
.g0{color:#1d4ed8}.g1{color:#b45309}.g2{color:#15803d}.g3{color:#be123c}.g4{color:#7c3aed}.g5{color:#0e7490}.g6{color:#a16207}.g7{color:#4b5563}
table{border-collapse:collapse;width:100%;overflow-wrap:anywhere;background:var(--card);border:1px solid var(--line)}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{overflow-wrap:normal;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);background:#fafbfc}
td.n{text-align:center;font-weight:700}
td.d,td.id{white-space:nowrap}
.dots{letter-spacing:2px;color:var(--accent)}
.grid td.c{text-align:center;width:64px}
.grid th.c{text-align:center;font-size:11px;text-transform:none;letter-spacing:0;max-width:80px;overflow-wrap:anywhere}
.on{display:inline-block;width:14px;height:14px;border-radius:50%;background:currentColor}
.flag{color:#be123c;font-weight:600}
.variants{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:10px}
.variant{border-left:3px solid var(--line);padding-left:10px}
.badge{font-size:11px;font-weight:700;text-transform:uppercase;border-radius:4px;padding:1px 6px;background:#e5e7eb;color:#374151;margin-left:6px}
.timeline{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px;overflow-x:auto}
.timeline svg{display:block;width:100%;height:auto;min-width:720px}
.article .text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:15px;line-height:1.6;max-height:none}
.article summary{cursor:pointer;font-weight:600}
.muted{color:var(--muted)}
nav ol{margin:6px 0 0 20px;padding:0}
"#;

/// Per-article facts the page needs: a short source label and its independence group colour.
struct Labels<'a> {
    articles: &'a [Article],
    /// Colour class of each input article: its independent group's index in its story.
    group: Vec<usize>,
}

impl Labels<'_> {
    fn label(&self, i: usize) -> String {
        let a = &self.articles[i];
        match &a.outlet {
            Some(o) if !o.trim().is_empty() => format!("{} · {}", o.trim(), a.id),
            _ => a.id.clone(),
        }
    }

    /// A chip naming article `i` that links to its text.
    fn chip(&self, i: usize) -> String {
        format!(
            "<a class=\"src g{}\" href=\"#art-{i}\" title=\"{}\">{}</a>",
            self.group[i] % 8,
            esc(self.articles[i].title.as_deref().unwrap_or("")),
            esc(&self.label(i))
        )
    }

    fn chips(&self, list: &[usize]) -> String {
        list.iter().map(|&i| self.chip(i)).collect()
    }
}

/// The sentence(s) around `span` in article `i`, with the span itself marked and linked to
/// its place in the article's text.
fn in_context(articles: &[Article], layers: &[Annotations], i: usize, span: Span) -> String {
    let text = &articles[i].text;
    let mut start = span.start();
    let mut end = span.end();
    for s in &layers[i].layers.sentences {
        if s.start() <= span.start() && span.start() < s.end().max(s.start() + 1) {
            start = start.min(s.start());
        }
        if s.start() < span.end() && span.end() <= s.end() {
            end = end.max(s.end());
        }
    }
    // Long sentences are cut around the evidence.
    const MAX: usize = 240;
    let mut lead = "";
    let mut tail = "";
    if span.start() - start > MAX {
        start = span.start() - MAX;
        while !text.is_char_boundary(start) {
            start += 1;
        }
        lead = "…";
    }
    if end - span.end() > MAX {
        end = span.end() + MAX;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        tail = "…";
    }
    format!(
        "{lead}{}<a href=\"#ev-{i}-{}-{}\"><mark>{}</mark></a>{}{tail}",
        esc(&text[start..span.start()]),
        span.start(),
        span.end(),
        esc(&text[span.range()]),
        esc(&text[span.end()..end])
    )
}

/// Up to this many stories, each gets a full section even when one article alone reports it.
const FEW_STORIES: usize = 12;

/// The whole page for the articles and their stories.
pub fn to_html(
    articles: &[Article],
    layers: &[Annotations],
    stories: &[dossier::Dossier],
) -> String {
    let mut group = vec![0; articles.len()];
    for d in stories {
        for (g, members) in d.story.independent_groups.iter().enumerate() {
            for &i in members {
                group[i] = g;
            }
        }
    }
    let labels = Labels { articles, group };
    // Stories that several articles report get a full section; so does every story when there
    // are few, so that a handful of unrelated articles still show what each says.
    let few = stories.len() <= FEW_STORIES;
    let mut full: Vec<usize> = (0..stories.len())
        .filter(|&n| few || stories[n].story.articles.len() >= 2)
        .collect();
    // The stories most worth reading first: most independent sources, then most conflicts.
    full.sort_by_key(|&n| {
        let d = &stories[n];
        std::cmp::Reverse((
            d.story.independent_groups.len(),
            d.conflicts.len(),
            d.story.articles.len(),
        ))
    });
    let title = full
        .first()
        .map(|&n| stories[n].story.headline.as_str())
        .unwrap_or("corroborate");
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"corroborate\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>",
        esc(&format!("Dossier: {}", shorten(title, 90)))
    );
    let conflicts: usize = stories.iter().map(|d| d.conflicts.len()).sum();
    let _ = writeln!(
        out,
        "<header>\n<h1>corroborate dossier</h1>\n<p class=\"lede\">{} read, grouped into {}; {} in stories that several articles report. \
         Sides of a conflict are shown together, not judged; every highlighted passage links to its place in the article.</p>",
        plural(articles.len(), "article", "articles"),
        plural(stories.len(), "story", "stories"),
        plural(conflicts, "conflict", "conflicts"),
    );
    if full.len() > 1 {
        out.push_str("<nav><b>Stories</b><ol>");
        for &n in &full {
            let d = &stories[n];
            let _ = write!(
                out,
                "<li><a href=\"#story-{}\">{}</a> <span class=\"muted\">({}, {})</span></li>",
                n + 1,
                esc(&shorten(&d.story.headline, 110)),
                plural(d.story.articles.len(), "article", "articles"),
                plural(d.conflicts.len(), "conflict", "conflicts"),
            );
        }
        out.push_str("</ol></nav>\n");
    }
    out.push_str("</header>\n");
    for &n in &full {
        story(&mut out, &labels, layers, n, &stories[n]);
    }
    let single: Vec<usize> = (0..stories.len()).filter(|&n| !full.contains(&n)).collect();
    if !single.is_empty() {
        let _ = writeln!(
            out,
            "<h2 id=\"single\">Reported by one article only</h2>\n<p class=\"lede\">{} that no other article read covers.</p>\n<table><tr><th>Article</th><th>Headline</th><th>Published</th></tr>",
            plural(single.len(), "story", "stories")
        );
        for &n in &single {
            let d = &stories[n];
            for &i in &d.story.articles {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    labels.chip(i),
                    esc(&shorten(&d.story.headline, 140)),
                    esc(&articles[i].published.date.iso())
                );
            }
        }
        out.push_str("</table>\n");
    }
    articles_section(&mut out, &labels, stories, &full);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn story(
    out: &mut String,
    labels: &Labels,
    layers: &[Annotations],
    n: usize,
    d: &dossier::Dossier,
) {
    let articles = labels.articles;
    let s = &d.story;
    let _ = writeln!(
        out,
        "<section class=\"story\" id=\"story-{}\">\n<h2>{}</h2>\n<div class=\"stats\">\
         <div class=\"stat\"><b>{}</b>articles</div><div class=\"stat\"><b>{}</b>independent sources</div>\
         <div class=\"stat\"><b>{}</b>conflicts</div><div class=\"stat\"><b>{}</b>facts in two or more articles</div>\
         <div class=\"stat\"><b>{}</b>dated events</div></div>",
        n + 1,
        esc(&s.headline),
        s.articles.len(),
        s.independent_groups.len(),
        d.conflicts.len(),
        d.facts.len(),
        d.timeline.len()
    );
    out.push_str("<p class=\"lede\">Independent sources (copies and rewrites of one another share a colour and count once): ");
    for g in &s.independent_groups {
        let _ = write!(out, "[{}] ", labels.chips(g));
    }
    out.push_str("</p>\n");

    // Conflicts first.
    let _ = writeln!(out, "<h3 id=\"story-{}-conflicts\">Conflicts</h3>", n + 1);
    if d.conflicts.is_empty() {
        out.push_str("<p class=\"muted\">The sources do not disagree on any name, role, date, number, certainty or attribution that was checked.</p>\n");
    }
    for c in &d.conflicts {
        let kind = c.kind.as_str();
        let _ = write!(
            out,
            "<div class=\"card conflict\"><h4><span class=\"kind k-{kind}\">{kind}</span>{}</h4><div class=\"sides\">",
            esc(&c.about)
        );
        for side in &c.sides {
            let _ = write!(
                out,
                "<div class=\"side\"><div class=\"value\">{}</div><div>{}</div>",
                esc(&side.value),
                labels.chips(&side.articles)
            );
            for &(i, span) in &side.evidence {
                let _ = write!(
                    out,
                    "<p class=\"ctx\">{}</p><div class=\"cite\">{}, bytes {}–{}</div>",
                    in_context(articles, layers, i, span),
                    esc(&labels.label(i)),
                    span.start(),
                    span.end()
                );
            }
            out.push_str("</div>");
        }
        out.push_str("</div></div>\n");
    }

    // Facts with their independent sources.
    let _ = writeln!(out, "<h3>Facts reported by two or more articles</h3>");
    if d.facts.is_empty() {
        out.push_str("<p class=\"muted\">No claim is made by more than one article.</p>\n");
    } else {
        out.push_str("<table><tr><th>#</th><th>Claim (shortest wording)</th><th>Independent sources</th><th>Articles</th></tr>\n");
        for (k, f) in d.facts.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr><td class=\"id\">F{}</td><td>{}</td><td class=\"n\"><span class=\"dots\" title=\"{} independent of {} articles\">{}</span> {}</td><td>{}</td></tr>",
                k + 1,
                esc(&f.text),
                f.independent_sources,
                f.articles.len(),
                "●".repeat(f.independent_sources.min(10)),
                f.independent_sources,
                labels.chips(&f.articles)
            );
        }
        out.push_str("</table>\n");
    }

    // The timeline as a picture.
    out.push_str("<h3>Timeline</h3>\n");
    if d.timeline.is_empty() {
        out.push_str(
            "<p class=\"muted\">No time expression of this story resolves to a calendar day.</p>\n",
        );
    } else {
        timeline_svg(out, labels, &d.timeline);
    }

    // The coverage grid.
    coverage(out, labels, d);

    // Remarks in several wordings.
    let shared: Vec<&dossier::QuoteGroup> = d
        .quotes
        .iter()
        .filter(|g| {
            g.variants
                .iter()
                .map(|v| v.article)
                .collect::<HashSet<_>>()
                .len()
                >= 2
        })
        .collect();
    out.push_str("<h3>Remarks reported by several outlets</h3>\n");
    if shared.is_empty() {
        out.push_str("<p class=\"muted\">No remark of a named speaker is reported by more than one article.</p>\n");
    }
    for g in shared {
        let _ = write!(out, "<div class=\"card\"><h4>{}", esc(&g.speaker));
        if g.verbatim {
            out.push_str("<span class=\"badge\">verbatim</span>");
        }
        out.push_str("</h4>");
        for f in &g.flags {
            let _ = write!(out, "<p class=\"flag\">⚑ {}</p>", esc(f));
        }
        out.push_str("<div class=\"variants\">");
        for v in &g.variants {
            let text = &articles[v.article].text;
            let said: Vec<String> = v.parts.iter().map(|p| esc(&text[p.range()])).collect();
            let _ = write!(
                out,
                "<div class=\"variant\">{}<span class=\"badge\">{}</span><p class=\"ctx\">{}</p></div>",
                labels.chip(v.article),
                if v.direct { "direct" } else { "reported" },
                said.join(" <span class=\"muted\">…</span> ")
            );
        }
        out.push_str("</div></div>\n");
    }

    // Entities with their variants.
    entities(out, labels, s);

    // Copies and rewrites.
    if !s.relations.is_empty() {
        out.push_str("<h3>Copies and rewrites</h3>\n");
        for r in &s.relations {
            let _ = write!(
                out,
                "<div class=\"card\"><h4>{} and {}: {}{}</h4>",
                labels.chip(r.a),
                labels.chip(r.b),
                esc(r.kind.as_str()),
                r.agency
                    .as_deref()
                    .map(|a| format!(" ({})", esc(a)))
                    .unwrap_or_default()
            );
            for p in r.passages.iter().take(3) {
                let _ = write!(
                    out,
                    "<div class=\"sides\"><p class=\"ctx\">{}</p><p class=\"ctx\">{}</p></div>",
                    esc(&articles[r.a].text[p.a.range()]),
                    esc(&articles[r.b].text[p.b.range()])
                );
            }
            if r.passages.len() > 3 {
                let _ = write!(
                    out,
                    "<p class=\"muted\">and {} more passages</p>",
                    r.passages.len() - 3
                );
            }
            out.push_str("</div>\n");
        }
    }
    out.push_str("</section>\n");
}

/// The story's events placed on a date axis: proportional to time when the story spans a few
/// months at most, one column per date otherwise (so that one stray date does not squash the
/// rest). Each event is a row: a dot sized by its sources, its date and its label.
fn timeline_svg(out: &mut String, labels: &Labels, events: &[dossier::Event]) {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let dates: Vec<Option<(NaiveDate, NaiveDate)>> = events
        .iter()
        .map(|e| Some((day(&e.start)?, day(&e.end)?)))
        .collect();
    let known: Vec<NaiveDate> = dates.iter().flatten().flat_map(|&(a, b)| [a, b]).collect();
    let (Some(&first), Some(&last)) = (known.iter().min(), known.iter().max()) else {
        return;
    };
    let mut distinct = known.clone();
    distinct.sort();
    distinct.dedup();
    let span_days = (last - first).num_days();
    let proportional = span_days <= 120;
    const W: f64 = 1000.0;
    const LEFT: f64 = 30.0;
    const RIGHT: f64 = 30.0;
    const TOP: f64 = 56.0;
    const ROW: f64 = 26.0;
    let x_of = |d: NaiveDate| -> f64 {
        let usable = W - LEFT - RIGHT;
        if proportional {
            if span_days == 0 {
                LEFT + usable / 2.0
            } else {
                LEFT + usable * (d - first).num_days() as f64 / span_days as f64
            }
        } else {
            let k = distinct.iter().position(|x| *x == d).unwrap_or(0);
            if distinct.len() == 1 {
                LEFT + usable / 2.0
            } else {
                LEFT + usable * k as f64 / (distinct.len() - 1) as f64
            }
        }
    };
    let height = TOP + ROW * events.len() as f64 + 16.0;
    let _ = writeln!(
        out,
        "<div class=\"timeline\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {height}\" role=\"img\" aria-label=\"Timeline of {}\">\n\
         <line x1=\"{LEFT}\" y1=\"34\" x2=\"{}\" y2=\"34\" stroke=\"#1d2330\" stroke-width=\"2\"/>",
        plural(events.len(), "event", "events"),
        W - RIGHT
    );
    // Date ticks, labelled where there is room, with the year where it changes.
    let mut last_label = f64::NEG_INFINITY;
    let mut last_year = None;
    for &d in &distinct {
        let x = x_of(d);
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"28\" x2=\"{x:.1}\" y2=\"40\" stroke=\"#1d2330\" stroke-width=\"2\"/>"
        );
        let year_changes = last_year != Some(d.year());
        if x - last_label >= if year_changes { 96.0 } else { 64.0 } {
            let label = if year_changes {
                d.format("%b %-d, %Y").to_string()
            } else {
                d.format("%b %-d").to_string()
            };
            let _ = writeln!(
                out,
                "<text x=\"{x:.1}\" y=\"20\" font-size=\"13\" font-weight=\"700\" text-anchor=\"{}\" fill=\"#1d2330\">{label}</text>",
                // The first and last labels stay inside the picture.
                if x - LEFT < 48.0 {
                    "start"
                } else if W - RIGHT - x < 48.0 {
                    "end"
                } else {
                    "middle"
                }
            );
            last_label = x;
            last_year = Some(d.year());
        }
    }
    for (k, (e, d)) in events.iter().zip(&dates).enumerate() {
        let Some((from, to)) = *d else { continue };
        let (x, x_end) = (x_of(from), x_of(to));
        let y = TOP + ROW * k as f64 + ROW / 2.0;
        let r = 4.0 + (e.articles.len().min(5) as f64);
        // A week or a month is a bar over its days; the label goes beyond its far end.
        let ranged = from != to;
        let (x, far) = if ranged {
            (x, x_end.max(x + 10.0))
        } else {
            (x, x)
        };
        let sources: Vec<String> = e.articles.iter().map(|&i| labels.label(i)).collect();
        // A disputed date is drawn hollow and red.
        let (fill, stroke) = if e.disputed {
            ("#ffffff", "#be123c")
        } else {
            ("#2456a6", "#2456a6")
        };
        let title = esc(&format!("{}: {} ({})", e.date, e.label, sources.join(", ")));
        if ranged {
            let _ = writeln!(
                out,
                "<line x1=\"{x:.1}\" y1=\"40\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#c5cad3\" stroke-dasharray=\"3 3\"/>\
                 <rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\" fill=\"{fill}\" fill-opacity=\"0.55\" stroke=\"{stroke}\" stroke-width=\"2\"><title>{title}</title></rect>",
                y - r,
                far - x,
                2.0 * r
            );
        } else {
            let _ = writeln!(
                out,
                "<line x1=\"{x:.1}\" y1=\"40\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#c5cad3\" stroke-dasharray=\"3 3\"/>\
                 <circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"><title>{title}</title></circle>"
            );
        }
        let right = (x + far) / 2.0 < W / 2.0;
        let (x, r) = if right { (far, r) } else { (x, r) };
        let room = if right {
            W - x - r - 14.0
        } else {
            x - r - 14.0
        };
        // About 7.2 units per character of 12.5-unit sans-serif text.
        let chars = ((room / 7.2) as usize).max(12);
        let when = if !ranged {
            from.format("%a %b %-d, %Y").to_string()
        } else if e.date.contains("-W") {
            format!("week of {}", from.format("%b %-d, %Y"))
        } else {
            from.format("%B %Y").to_string()
        };
        let text = format!(
            "{}{} · {} ({})",
            when,
            if e.disputed { " (date disputed)" } else { "" },
            e.label,
            plural(e.articles.len(), "source", "sources")
        );
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12.5\" text-anchor=\"{}\" fill=\"#1d2330\">{}</text>",
            if right { x + r + 6.0 } else { x - r - 6.0 },
            y + 4.0,
            if right { "start" } else { "end" },
            esc(&shorten(&text, chars))
        );
    }
    out.push_str("</svg></div>\n<details class=\"card\"><summary>The timeline as a table, with the words that date each event</summary><table><tr><th>Date</th><th>Event</th><th>Sources</th><th>Dated by</th></tr>\n");
    for e in events {
        let by: Vec<String> = e
            .evidence
            .iter()
            .map(|&(i, s)| {
                format!(
                    "<a href=\"#art-{i}\">{}</a>",
                    esc(&labels.articles[i].text[s.range()])
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td class=\"d\">{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.date),
            if e.disputed {
                "<div class=\"flag\">date disputed</div>"
            } else {
                ""
            },
            esc(&e.label),
            labels.chips(&e.articles),
            by.join(", ")
        );
    }
    out.push_str("</table></details>\n");
}

/// Sources against facts: which article reports which fact, and what each reports alone.
fn coverage(out: &mut String, labels: &Labels, d: &dossier::Dossier) {
    let s = &d.story;
    out.push_str("<h3>Coverage: sources by fact</h3>\n");
    if d.facts.is_empty() {
        out.push_str("<p class=\"muted\">No fact to compare coverage on.</p>\n");
    } else {
        out.push_str("<table class=\"grid\"><tr><th>Fact</th>");
        for &i in &s.articles {
            let a = &labels.articles[i];
            let short = a
                .outlet
                .as_deref()
                .filter(|o| !o.trim().is_empty())
                .unwrap_or(&a.id);
            let _ = write!(
                out,
                "<th class=\"c\"><a class=\"g{}\" href=\"#art-{i}\" title=\"{}\">{}</a></th>",
                labels.group[i] % 8,
                esc(&labels.label(i)),
                esc(&shorten(short, 12))
            );
        }
        out.push_str("</tr>\n");
        for (k, f) in d.facts.iter().enumerate() {
            let _ = write!(
                out,
                "<tr><td>F{} <span class=\"muted\">({} independent)</span> {}</td>",
                k + 1,
                f.independent_sources,
                esc(&shorten(&f.text, 90))
            );
            for &i in &s.articles {
                if f.articles.contains(&i) {
                    let _ = write!(
                        out,
                        "<td class=\"c\"><span class=\"on g{}\" title=\"reported\"></span></td>",
                        labels.group[i] % 8
                    );
                } else {
                    out.push_str("<td class=\"c\"></td>");
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("<tr><td><b>Claims no other article makes</b></td>");
        for &i in &s.articles {
            let only = d
                .coverage
                .iter()
                .find(|c| c.article == i)
                .map_or(0, |c| c.only.len());
            let _ = write!(out, "<td class=\"c n\">{only}</td>");
        }
        out.push_str("</tr>\n</table>\n");
    }
    for c in d.coverage.iter().filter(|c| !c.only.is_empty()) {
        let text = &labels.articles[c.article].text;
        let _ = write!(
            out,
            "<details class=\"card\"><summary>Only {} reports ({}; leaves out {})</summary><ul>",
            esc(&labels.label(c.article)),
            plural(c.only.len(), "claim", "claims"),
            plural(c.missing.len(), "main fact", "main facts")
        );
        for sp in &c.only {
            let _ = write!(out, "<li>{}</li>", esc(&text[sp.range()]));
        }
        out.push_str("</ul></details>\n");
    }
}

/// People, organisations and places merged across the story, with every spelling and role.
fn entities(out: &mut String, labels: &Labels, s: &stories::Story) {
    let mut list: Vec<&stories::Merged> = s
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Misc || e.articles.len() >= 2)
        .collect();
    list.sort_by_key(|e| {
        (
            e.flags.is_empty(),
            e.kind != EntityKind::Person,
            std::cmp::Reverse(e.articles.len()),
        )
    });
    if list.is_empty() {
        return;
    }
    const SHOWN: usize = 40;
    out.push_str("<h3>People, organisations and places</h3>\n<table><tr><th>Name</th><th>Kind</th><th>Written as</th><th>Roles given</th><th>Articles</th></tr>\n");
    for e in list.iter().take(SHOWN) {
        let mut roles: Vec<String> = Vec::new();
        for r in &e.roles {
            let item = format!("{} {}", esc(&r.text), labels.chip(r.article));
            if !roles.contains(&item) {
                roles.push(item);
            }
        }
        let flags: String = e
            .flags
            .iter()
            .map(|f| format!("<div class=\"flag\">⚑ {}</div>", esc(f)))
            .collect();
        let _ = writeln!(
            out,
            "<tr><td><b>{}</b>{flags}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.name),
            match e.kind {
                EntityKind::Person => "person",
                EntityKind::Organization => "organisation",
                EntityKind::Location => "place",
                EntityKind::Misc => "other",
            },
            e.aliases
                .iter()
                .map(|a| esc(a))
                .collect::<Vec<_>>()
                .join(" · "),
            roles.join("<br>"),
            labels.chips(&e.articles)
        );
    }
    out.push_str("</table>\n");
    if list.len() > SHOWN {
        let _ = writeln!(
            out,
            "<p class=\"muted\">and {} more in the JSON output.</p>",
            list.len() - SHOWN
        );
    }
}

/// The articles of the multi-article stories, each with its conflict evidence marked.
fn articles_section(
    out: &mut String,
    labels: &Labels,
    stories: &[dossier::Dossier],
    full: &[usize],
) {
    let articles = labels.articles;
    let shown: Vec<usize> = full
        .iter()
        .flat_map(|&n| stories[n].story.articles.iter().copied())
        .collect();
    if shown.is_empty() {
        return;
    }
    out.push_str("<h2 id=\"articles\">The articles</h2>\n");
    // Evidence spans of conflicts, per article.
    let mut marks: Vec<Vec<Span>> = vec![Vec::new(); articles.len()];
    for &n in full {
        for c in &stories[n].conflicts {
            for side in &c.sides {
                for &(i, s) in &side.evidence {
                    marks[i].push(s);
                }
            }
        }
    }
    for i in shown {
        let a = &articles[i];
        let mut spans = std::mem::take(&mut marks[i]);
        spans.sort_by_key(|s| (s.start(), std::cmp::Reverse(s.end())));
        let _ = write!(
            out,
            "<div class=\"card article\" id=\"art-{i}\"><h4>{} {}</h4><p class=\"cite\">",
            labels.chip(i),
            esc(a.title.as_deref().unwrap_or("(untitled)"))
        );
        let mut meta = Vec::new();
        if let Some(b) = &a.byline {
            meta.push(format!("by {}", esc(b)));
        }
        if let Some(d) = &a.dateline {
            meta.push(format!("dateline {}", esc(&d.place)));
        }
        let iso = a.published.date.iso();
        meta.push(if iso.is_empty() {
            "publication date unknown".to_string()
        } else {
            format!("published {} ({})", esc(&iso), a.published.how.as_str())
        });
        if let Some(u) = &a.source.url {
            meta.push(esc(u));
        }
        meta.push(format!("from {}", esc(&a.source.path)));
        out.push_str(&meta.join(" · "));
        out.push_str("</p><details><summary>Text</summary><div class=\"text\">");
        let mut at = 0;
        for s in spans {
            if s.start() < at {
                continue;
            }
            let _ = write!(
                out,
                "{}<mark id=\"ev-{i}-{}-{}\">{}</mark>",
                esc(&a.text[at..s.start()]),
                s.start(),
                s.end(),
                esc(&a.text[s.range()])
            );
            at = s.end();
        }
        out.push_str(&esc(&a.text[at..]));
        out.push_str("</div></details></div>\n");
    }
}
