//! The article: cleaned body text plus what is known about where it came from.

use crate::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One news article, as every later stage sees it.
///
/// `text` is the cleaned body and never changes after ingestion: every span in every layer indexes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the file stem, a JSONL `id`, or a hash of the URL.
    pub id: String,
    pub source: Source,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<Dateline>,
    pub published: Published,
    /// ISO 639-1 code, from metadata or detected from the text.
    pub language: Option<String>,
    pub text: String,
    /// Parts of `text` that are not plain body paragraphs (summaries, subheadings).
    pub zones: Vec<Zone>,
    /// What cleaning took out of the text, so nothing is dropped silently.
    pub removed: Vec<Removed>,
    /// Agency and contributor credits found in the text ("(Reuters)", "Reporting by ...").
    pub credits: Vec<String>,
}

impl Article {
    /// An article with the given id, source and text, and nothing else known yet.
    pub fn new(id: impl Into<String>, source: Source, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            source,
            title: None,
            outlet: None,
            byline: None,
            dateline: None,
            published: Published::unknown(),
            language: None,
            text: text.into(),
            zones: Vec::new(),
            removed: Vec::new(),
            credits: Vec::new(),
        }
    }

    /// The zone kind covering byte `offset` of the text, if any.
    pub fn zone_at(&self, offset: usize) -> Option<ZoneKind> {
        self.zones
            .iter()
            .find(|z| z.span.start() <= offset && offset < z.span.end())
            .map(|z| z.kind)
    }
}

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The path as the user gave it (or `-` for standard input).
    pub path: String,
    pub format: Format,
    /// Where inside the file: a JSONL line number, a WARC record id, a feed item.
    pub record: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Warc,
    Feed,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
            Format::Feed => "feed",
        }
    }
}

/// A dateline: the place (and sometimes the date) that opens a news report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    pub place: String,
    /// The dateline as it stood in the text, e.g. `Washington, Nov 26:`.
    pub raw: String,
}

/// A calendar date of which some parts may be unknown (a dateline gives month and day, not the year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// The full date, when year, month and day are all known and valid.
    pub fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    /// ISO 8601 form with unknown parts left out: `2025-11-26`, `2025-11`, `--11-26`.
    pub fn iso(self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, _) => String::new(),
        }
    }
}

/// How the publication date was known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateEvidence {
    /// A metadata field: front matter, a JSONL field, HTML meta tags or JSON-LD, a feed item, a WARC header.
    Metadata,
    /// The dateline that opens the report.
    Dateline,
    /// A date line in the text itself ("Published 26 November 2025").
    Text,
    /// Worked out from the text: only the year, from a weekday written beside a date.
    Inferred,
    Unknown,
}

impl DateEvidence {
    pub fn as_str(self) -> &'static str {
        match self {
            DateEvidence::Metadata => "metadata",
            DateEvidence::Dateline => "dateline",
            DateEvidence::Text => "text",
            DateEvidence::Inferred => "inferred",
            DateEvidence::Unknown => "unknown",
        }
    }
}

/// The publication date with how it was known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The known parts of the date; all `None` when nothing is known.
    pub date: PartialDate,
    pub how: DateEvidence,
    /// The text the date was read from (a meta value, a dateline).
    pub evidence: Option<String>,
}

impl Published {
    pub fn unknown() -> Published {
        Published {
            date: PartialDate {
                year: None,
                month: None,
                day: None,
            },
            how: DateEvidence::Unknown,
            evidence: None,
        }
    }

    pub fn is_known(&self) -> bool {
        self.how != DateEvidence::Unknown
    }
}

/// A marked region of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zone {
    pub kind: ZoneKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneKind {
    /// A "Key points" style summary: it repeats the body and is not separate evidence.
    Summary,
    /// A subheading inside the body.
    Heading,
}

impl ZoneKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneKind::Summary => "summary",
            ZoneKind::Heading => "heading",
        }
    }
}

/// A line that cleaning took out of the text, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub kind: RemovedKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedKind {
    /// Site navigation: section names, breadcrumbs.
    Navigation,
    /// The headline (kept as the title) or a repeat of it.
    Headline,
    /// "Related Articles", "Further Reading" and the links under them.
    Related,
    /// Comment forms, share prompts, newsletter sign-ups.
    Furniture,
    /// A byline (kept as `byline`).
    Byline,
    /// A dateline (kept as `dateline`).
    Dateline,
    /// An outlet or agency credit (kept as `outlet` or in `credits`).
    Credit,
    /// A publication-date line (kept as `published`).
    DateLine,
}

impl RemovedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RemovedKind::Navigation => "navigation",
            RemovedKind::Headline => "headline",
            RemovedKind::Related => "related",
            RemovedKind::Furniture => "furniture",
            RemovedKind::Byline => "byline",
            RemovedKind::Dateline => "dateline",
            RemovedKind::Credit => "credit",
            RemovedKind::DateLine => "date",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PartialDate;

    #[test]
    fn partial_dates_print_only_known_parts() {
        let d = |year, month, day| PartialDate { year, month, day };
        assert_eq!(d(Some(2025), Some(11), Some(26)).iso(), "2025-11-26");
        assert_eq!(d(None, Some(11), Some(26)).iso(), "--11-26");
        assert_eq!(d(Some(2025), Some(11), None).iso(), "2025-11");
        assert_eq!(d(None, Some(11), Some(26)).full(), None);
        assert_eq!(d(Some(2025), Some(2), Some(30)).full(), None);
    }
}
