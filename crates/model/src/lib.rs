//! The values that flow through corroborate: articles, byte spans and the metadata about them. No I/O.

mod article;
pub mod calendar;
mod span;

pub use article::{
    Article, DateEvidence, Dateline, Format, PartialDate, Published, Removed, RemovedKind, Source,
    Zone, ZoneKind,
};
pub use span::Span;
