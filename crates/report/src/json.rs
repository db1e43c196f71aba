//! The JSON output: its own types, so that the schema users consume is stable and documented.

use crate::Annotations;
use model::{Article, Published};
use serde::Serialize;

/// The schema id written at the top of every JSON output.
pub const SCHEMA: &str = "corroborate/analysis/v1";

/// The whole JSON document.
#[derive(Debug, Serialize)]
pub struct Analysis<'a> {
    pub schema: &'static str,
    pub articles: Vec<ArticleJson<'a>>,
    pub stories: Vec<StoryJson<'a>>,
}

/// One story: its articles, which of them are not independent and why, and its entities.
#[derive(Debug, Serialize)]
pub struct StoryJson<'a> {
    pub id: String,
    pub headline: &'a str,
    pub articles: Vec<&'a str>,
    pub independent_groups: Vec<Vec<&'a str>>,
    pub copies: Vec<CopyJson<'a>>,
    pub entities: Vec<StoryEntityJson<'a>>,
    pub quotes: Vec<QuoteGroupJson<'a>>,
    pub conflicts: Vec<ConflictJson<'a>>,
    pub timeline: Vec<EventJson<'a>>,
    pub facts: Vec<FactJson<'a>>,
    pub coverage: Vec<CoverageJson<'a>>,
}

/// What one article reports alone, and the main facts it leaves out.
#[derive(Debug, Serialize)]
pub struct CoverageJson<'a> {
    pub article: &'a str,
    pub only: Vec<EvidenceJson<'a>>,
    pub missing_facts: Vec<String>,
}

/// A claim reported by two or more articles, with how many independent sources back it.
#[derive(Debug, Serialize)]
pub struct FactJson<'a> {
    pub id: String,
    pub text: &'a str,
    pub articles: Vec<&'a str>,
    pub independent_sources: usize,
    pub evidence: Vec<EvidenceJson<'a>>,
}

/// A dated event of the story with its sources.
#[derive(Debug, Serialize)]
pub struct EventJson<'a> {
    pub date: &'a str,
    /// The first and last day the date covers (the same for a day).
    pub start: &'a str,
    pub end: &'a str,
    pub label: &'a str,
    pub articles: Vec<&'a str>,
    pub evidence: Vec<EvidenceJson<'a>>,
    /// A calendar inconsistency involves a time expression that dates it.
    pub disputed: bool,
}

/// Sources that disagree: each side with its value, articles and evidence.
#[derive(Debug, Serialize)]
pub struct ConflictJson<'a> {
    pub kind: &'static str,
    pub about: &'a str,
    pub sides: Vec<SideJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SideJson<'a> {
    pub value: &'a str,
    pub articles: Vec<&'a str>,
    pub evidence: Vec<EvidenceJson<'a>>,
}

/// One remark of one speaker as the story's articles render it.
#[derive(Debug, Serialize)]
pub struct QuoteGroupJson<'a> {
    pub speaker: &'a str,
    /// Every rendering has the same words.
    pub verbatim: bool,
    pub variants: Vec<VariantJson<'a>>,
    pub flags: &'a [String],
}

/// One article's rendering: `text` is the article's `text[start..end]` (all its parts and what
/// lies between them); `parts` are the quoted spans themselves.
#[derive(Debug, Serialize)]
pub struct VariantJson<'a> {
    pub article: &'a str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub direct: bool,
    pub parts: Vec<SpanJson<'a>>,
}

/// Two articles that are not independent, with the passages that show it.
#[derive(Debug, Serialize)]
pub struct CopyJson<'a> {
    pub kind: &'static str,
    pub articles: [&'a str; 2],
    pub agency: Option<&'a str>,
    pub passages: Vec<PassageJson<'a>>,
}

/// A passage of the first article matched with one of the second.
#[derive(Debug, Serialize)]
pub struct PassageJson<'a> {
    pub kind: &'static str,
    pub a: EvidenceJson<'a>,
    pub b: EvidenceJson<'a>,
}

/// A span of one article: `text` is that article's `text[start..end]`.
#[derive(Debug, Serialize)]
pub struct EvidenceJson<'a> {
    pub article: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// An entity merged across the story's articles.
#[derive(Debug, Serialize)]
pub struct StoryEntityJson<'a> {
    pub id: String,
    pub name: &'a str,
    pub kind: &'static str,
    pub aliases: &'a [String],
    pub roles: Vec<StoryRoleJson<'a>>,
    pub articles: Vec<&'a str>,
    pub mentions: usize,
    pub flags: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct StoryRoleJson<'a> {
    pub article: &'a str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub former: bool,
}

fn evidence(articles: &[Article], i: usize, s: model::Span) -> EvidenceJson<'_> {
    let a = &articles[i];
    EvidenceJson {
        article: &a.id,
        start: s.start(),
        end: s.end(),
        text: &a.text[s.range()],
    }
}

fn story_json<'a>(articles: &'a [Article], n: usize, d: &'a dossier::Dossier) -> StoryJson<'a> {
    let s = &d.story;
    let id = |i: &usize| articles[*i].id.as_str();
    StoryJson {
        id: format!("story-{}", n + 1),
        headline: &s.headline,
        articles: s.articles.iter().map(id).collect(),
        independent_groups: s
            .independent_groups
            .iter()
            .map(|g| g.iter().map(id).collect())
            .collect(),
        copies: s
            .relations
            .iter()
            .map(|r| CopyJson {
                kind: r.kind.as_str(),
                articles: [id(&r.a), id(&r.b)],
                agency: r.agency.as_deref(),
                passages: r
                    .passages
                    .iter()
                    .map(|p| PassageJson {
                        kind: p.kind.as_str(),
                        a: evidence(articles, r.a, p.a),
                        b: evidence(articles, r.b, p.b),
                    })
                    .collect(),
            })
            .collect(),
        entities: s
            .entities
            .iter()
            .enumerate()
            .map(|(k, e)| StoryEntityJson {
                id: format!("story-{}-e{}", n + 1, k + 1),
                name: &e.name,
                kind: e.kind.short(),
                aliases: &e.aliases,
                roles: e
                    .roles
                    .iter()
                    .map(|r| StoryRoleJson {
                        article: id(&r.article),
                        text: &r.text,
                        start: r.span.start(),
                        end: r.span.end(),
                        former: r.former,
                    })
                    .collect(),
                articles: e.articles.iter().map(id).collect(),
                mentions: e.mentions.len(),
                flags: &e.flags,
            })
            .collect(),
        facts: d
            .facts
            .iter()
            .enumerate()
            .map(|(k, f)| FactJson {
                id: format!("story-{}-f{}", n + 1, k + 1),
                text: &f.text,
                articles: f.articles.iter().map(id).collect(),
                independent_sources: f.independent_sources,
                evidence: f
                    .evidence
                    .iter()
                    .map(|&(a, sp)| evidence(articles, a, sp))
                    .collect(),
            })
            .collect(),
        coverage: d
            .coverage
            .iter()
            .map(|c| CoverageJson {
                article: id(&c.article),
                only: c
                    .only
                    .iter()
                    .map(|&sp| evidence(articles, c.article, sp))
                    .collect(),
                missing_facts: c
                    .missing
                    .iter()
                    .map(|k| format!("story-{}-f{}", n + 1, k + 1))
                    .collect(),
            })
            .collect(),
        timeline: d
            .timeline
            .iter()
            .map(|e| EventJson {
                date: &e.date,
                start: &e.start,
                end: &e.end,
                label: &e.label,
                articles: e.articles.iter().map(id).collect(),
                evidence: e
                    .evidence
                    .iter()
                    .map(|&(a, sp)| evidence(articles, a, sp))
                    .collect(),
                disputed: e.disputed,
            })
            .collect(),
        conflicts: d
            .conflicts
            .iter()
            .map(|c| ConflictJson {
                kind: c.kind.as_str(),
                about: &c.about,
                sides: c
                    .sides
                    .iter()
                    .map(|s| SideJson {
                        value: &s.value,
                        articles: s.articles.iter().map(id).collect(),
                        evidence: s
                            .evidence
                            .iter()
                            .map(|&(a, sp)| evidence(articles, a, sp))
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        quotes: d
            .quotes
            .iter()
            .map(|g| QuoteGroupJson {
                speaker: &g.speaker,
                verbatim: g.verbatim,
                flags: &g.flags,
                variants: g
                    .variants
                    .iter()
                    .map(|v| {
                        let text = &articles[v.article].text;
                        let start = v.parts.first().map_or(0, |p| p.start());
                        let end = v.parts.last().map_or(start, |p| p.end());
                        VariantJson {
                            article: id(&v.article),
                            text: &text[start..end],
                            start,
                            end,
                            direct: v.direct,
                            parts: v.parts.iter().map(|p| span(text, *p)).collect(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[derive(Debug, Serialize)]
pub struct ArticleJson<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub dateline: Option<DatelineJson<'a>>,
    pub published: PublishedJson<'a>,
    pub language: Option<&'a str>,
    pub url: Option<&'a str>,
    pub source: SourceJson<'a>,
    pub text: &'a str,
    pub zones: Vec<ZoneJson>,
    pub removed: Vec<RemovedJson<'a>>,
    pub credits: &'a [String],
    pub entities: Vec<EntityJson<'a>>,
    pub time_anchor: Option<AnchorJson>,
    pub times: Vec<TimeJson<'a>>,
    pub calendar: Vec<CalendarJson<'a>>,
    pub quotes: Vec<QuoteJson<'a>>,
    pub quantities: Vec<QuantityJson<'a>>,
}

/// A stretch of the article's text: `text` is exactly `text[start..end]` of the article.
#[derive(Debug, Serialize)]
pub struct SpanJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

fn span(text: &str, s: model::Span) -> SpanJson<'_> {
    SpanJson {
        text: &text[s.range()],
        start: s.start(),
        end: s.end(),
    }
}

/// A quote: what was said (one part, or several when the attribution splits it), the cue,
/// the words naming the speaker, and the named person or organisation they resolve to.
#[derive(Debug, Serialize)]
pub struct QuoteJson<'a> {
    pub direct: bool,
    pub parts: Vec<SpanJson<'a>>,
    pub cue: Option<SpanJson<'a>>,
    pub speaker: Option<SpanJson<'a>>,
    pub resolved: Option<ResolvedJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ResolvedJson<'a> {
    pub kind: &'static str,
    pub name: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A quantity with its normalised value (percentages and fractions as percent), range end,
/// qualifier, unit, and what the sentence says it counts, where and in which event.
#[derive(Debug, Serialize)]
pub struct QuantityJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub high: Option<f64>,
    pub qualifier: &'static str,
    pub unit: Option<&'a str>,
    pub counted: Option<SpanJson<'a>>,
    pub event: Option<SpanJson<'a>>,
    pub place: Option<SpanJson<'a>>,
}

/// The date time expressions were resolved against, and where it came from.
#[derive(Debug, Serialize)]
pub struct AnchorJson {
    pub date: String,
    pub how: &'static str,
}

/// A calendar inconsistency: the words that show it and what is wrong.
#[derive(Debug, Serialize)]
pub struct CalendarJson<'a> {
    pub message: &'a str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A time expression with its TIMEX3 type and value, resolved against the publication date.
#[derive(Debug, Serialize)]
pub struct TimeJson<'a> {
    pub kind: &'static str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub value: &'a str,
    #[serde(rename = "mod")]
    pub modifier: Option<&'static str>,
    pub alternatives: &'a [String],
}

/// A named entity mention, with the role phrase attached to it when it is a person.
#[derive(Debug, Serialize)]
pub struct EntityJson<'a> {
    pub kind: &'static str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub role: Option<RoleJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RoleJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub former: bool,
}

#[derive(Debug, Serialize)]
pub struct DatelineJson<'a> {
    pub place: &'a str,
    pub raw: &'a str,
}

#[derive(Debug, Serialize)]
pub struct PublishedJson<'a> {
    /// `YYYY-MM-DD` when the full date is known.
    pub date: Option<String>,
    /// The known parts when the full date is not known: `--11-26`, `2025-11`.
    pub partial: Option<String>,
    pub how: &'static str,
    pub evidence: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct SourceJson<'a> {
    pub path: &'a str,
    pub format: &'static str,
    pub record: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ZoneJson {
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
pub struct RemovedJson<'a> {
    pub kind: &'static str,
    pub text: &'a str,
}

fn published(p: &Published) -> PublishedJson<'_> {
    let full = p.date.full();
    let partial = p.date.iso();
    PublishedJson {
        date: full.map(|d| d.format("%Y-%m-%d").to_string()),
        partial: (full.is_none() && !partial.is_empty()).then_some(partial),
        how: p.how.as_str(),
        evidence: p.evidence.as_deref(),
    }
}

impl<'a> ArticleJson<'a> {
    pub fn new(a: &'a Article, ann: &'a Annotations) -> ArticleJson<'a> {
        let layers = &ann.layers;
        ArticleJson {
            id: &a.id,
            title: a.title.as_deref(),
            outlet: a.outlet.as_deref(),
            byline: a.byline.as_deref(),
            dateline: a.dateline.as_ref().map(|d| DatelineJson {
                place: &d.place,
                raw: &d.raw,
            }),
            published: published(&a.published),
            language: a.language.as_deref(),
            url: a.source.url.as_deref(),
            source: SourceJson {
                path: &a.source.path,
                format: a.source.format.as_str(),
                record: a.source.record.as_deref(),
            },
            text: &a.text,
            zones: a
                .zones
                .iter()
                .map(|z| ZoneJson {
                    kind: z.kind.as_str(),
                    start: z.span.start(),
                    end: z.span.end(),
                })
                .collect(),
            removed: a
                .removed
                .iter()
                .map(|r| RemovedJson {
                    kind: r.kind.as_str(),
                    text: &r.text,
                })
                .collect(),
            credits: &a.credits,
            entities: layers
                .entities
                .iter()
                .map(|e| EntityJson {
                    kind: e.kind.short(),
                    text: &a.text[e.span.range()],
                    start: e.span.start(),
                    end: e.span.end(),
                    role: layers
                        .roles
                        .iter()
                        .find(|r| r.person == e.span)
                        .map(|r| RoleJson {
                            text: &a.text[r.role.range()],
                            start: r.role.start(),
                            end: r.role.end(),
                            former: r.former,
                        }),
                })
                .collect(),
            time_anchor: ann.anchor.map(|(d, how)| AnchorJson {
                date: d.format("%Y-%m-%d").to_string(),
                how,
            }),
            times: ann
                .times
                .iter()
                .map(|t| TimeJson {
                    kind: t.kind.as_str(),
                    text: &a.text[t.span.range()],
                    start: t.span.start(),
                    end: t.span.end(),
                    value: &t.value,
                    modifier: t.modifier,
                    alternatives: &t.alternatives,
                })
                .collect(),
            calendar: ann
                .calendar
                .iter()
                .map(|n| CalendarJson {
                    message: &n.message,
                    text: &a.text[n.span.range()],
                    start: n.span.start(),
                    end: n.span.end(),
                })
                .collect(),
            quotes: ann
                .quotes
                .iter()
                .map(|q| QuoteJson {
                    direct: q.direct,
                    parts: q.content.iter().map(|s| span(&a.text, *s)).collect(),
                    cue: q.cue.map(|s| span(&a.text, s)),
                    speaker: q.speaker.map(|s| span(&a.text, s)),
                    resolved: q.resolved.map(|r| ResolvedJson {
                        kind: r.kind.short(),
                        name: &a.text[r.span.range()],
                        start: r.span.start(),
                        end: r.span.end(),
                    }),
                })
                .collect(),
            quantities: ann
                .quantities
                .iter()
                .map(|q| QuantityJson {
                    text: &a.text[q.span.range()],
                    start: q.span.start(),
                    end: q.span.end(),
                    value: q.value,
                    high: q.high,
                    qualifier: q.qualifier.as_str(),
                    unit: q.unit.as_ref().map(|u| u.as_str()),
                    counted: q.counted.map(|s| span(&a.text, s)),
                    event: q.event.map(|s| span(&a.text, s)),
                    place: q.place.map(|s| span(&a.text, s)),
                })
                .collect(),
        }
    }
}

/// The JSON document for a set of articles, their annotation layers and their stories,
/// pretty-printed.
pub fn to_json(
    articles: &[Article],
    layers: &[Annotations],
    stories: &[dossier::Dossier],
) -> String {
    let doc = Analysis {
        schema: SCHEMA,
        articles: articles
            .iter()
            .zip(layers)
            .map(|(a, l)| ArticleJson::new(a, l))
            .collect(),
        stories: stories
            .iter()
            .enumerate()
            .map(|(n, s)| story_json(articles, n, s))
            .collect(),
    };
    serde_json::to_string_pretty(&doc).expect("serialising plain data cannot fail")
}
