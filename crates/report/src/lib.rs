//! Renders results for people and programs: the documented JSON schema, Markdown, terminal text
//! and a self-contained HTML page.
//!
//! The JSON types here are the public contract (`docs/schema.md`); internal types may change freely.

mod html;
mod json;
mod text;

pub use html::to_html;
pub use json::{to_json, Analysis, SCHEMA};

/// Everything the annotators found in one article: the linguistic layers, its time
/// expressions and calendar findings, its quotes and its quantities.
#[derive(Debug, Clone)]
pub struct Annotations {
    pub layers: nlp::Layers,
    /// The date time expressions were resolved against, and where it came from: `given`
    /// (`--published`), `published`, `text` (a weekday-date pair), `story` (the story's
    /// most common anchor, for an article with no date of its own).
    pub anchor: Option<(chrono::NaiveDate, &'static str)>,
    pub times: Vec<temporal::Timex>,
    pub calendar: Vec<temporal::CalendarNote>,
    pub quotes: Vec<quotes::Quote>,
    pub quantities: Vec<quantities::Quantity>,
}
pub use text::{to_markdown, to_text};

/// "1 story", "3 stories".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
