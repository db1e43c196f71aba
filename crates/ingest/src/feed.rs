//! RSS 2.0 and Atom feeds saved as files: items with full content become articles.

use crate::{clean, hash_id, html_fragment_to_text, Ingested, Meta, Problem};
use model::{Format, Source};

/// Items whose content has fewer words than this are teasers, not articles.
const MIN_WORDS: usize = 60;

pub(crate) fn read(path: &str, bytes: &[u8]) -> Ingested {
    let mut out = Ingested::default();
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            out.problems.push(Problem::error(
                path,
                None,
                format!("invalid RSS/Atom feed: {e}"),
            ));
            return out;
        }
    };
    let outlet = feed.title.as_ref().map(|t| t.content.clone());
    let language = feed.language.clone();
    let mut teasers = 0;
    for (n, entry) in feed.entries.into_iter().enumerate() {
        let location = format!("item {}", n + 1);
        let html = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
        let text = html
            .as_deref()
            .map(html_fragment_to_text)
            .unwrap_or_default();
        if text.split_whitespace().count() < MIN_WORDS {
            teasers += 1;
            continue;
        }
        let url = entry.links.first().map(|l| l.href.clone());
        let key = url.clone().unwrap_or_else(|| entry.id.clone());
        let title = entry.title.as_ref().map(|t| t.content.clone());
        let meta = Meta {
            id: None,
            title: title.clone(),
            outlet: outlet.clone(),
            url: url.clone(),
            published: entry
                .published
                .or(entry.updated)
                .map(|d| d.format("%Y-%m-%d").to_string()),
            byline: {
                let names: Vec<String> = entry
                    .authors
                    .iter()
                    .filter_map(|a| a.name.clone())
                    .collect();
                (!names.is_empty()).then(|| names.join(", "))
            },
            language: language.clone(),
        };
        let source = Source {
            path: path.to_string(),
            format: Format::Feed,
            record: Some(location),
            url,
        };
        let cleaned = clean(&text, title.as_deref());
        out.articles
            .push(crate::assemble(hash_id(&key), source, meta, cleaned));
    }
    if teasers > 0 {
        out.problems.push(Problem::warning(
            path,
            None,
            format!(
                "{teasers} feed item{} without full content skipped",
                if teasers == 1 { "" } else { "s" }
            ),
        ));
    }
    if out.articles.is_empty() {
        out.problems.push(Problem::error(
            path,
            None,
            "feed has no items with full article content",
        ));
    }
    out
}
