//! The plain-text reader: UTF-8 text with an optional front-matter header.

use crate::{clean, decode_utf8, file_stem, Ingested, Meta, Problem};
use model::{Format, Source};
use regex::Regex;
use std::sync::LazyLock;

/// Reads one plain-text article.
pub(crate) fn read(path: &str, bytes: &[u8]) -> Ingested {
    let (text, warning) = decode_utf8(path, bytes);
    let mut out = Ingested::default();
    out.problems.extend(warning);
    let (meta, body) = front_matter(&text);
    let cleaned = clean(body, meta.title.as_deref());
    if cleaned.text.trim().is_empty() {
        out.problems.push(Problem::error(
            path,
            None,
            "no article text left after removing boilerplate",
        ));
        return out;
    }
    let source = Source {
        path: path.to_string(),
        format: Format::Text,
        record: None,
        url: meta.url.clone(),
    };
    let id = meta.id.clone().unwrap_or_else(|| file_stem(path));
    out.articles
        .push(crate::assemble(id, source, meta, cleaned));
    out
}

/// Splits a front-matter header (`title:`, `outlet:`, `url:`, `published:`, `byline:` ...) from the body.
///
/// The header is either fenced by `---` lines, or a run of known `key: value` lines at the top that
/// ends with a blank line.
pub(crate) fn front_matter(text: &str) -> (Meta, &str) {
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(title|headline|outlet|source|site|publisher|url|link|published|date|byline|author|language|lang|id)\s*:\s*(.*?)\s*$").unwrap()
    });
    let mut meta = Meta::default();
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    let fenced = first.trim() == "---";
    let mut consumed = if fenced { first.len() } else { 0 };
    let mut keys = 0;
    let mut closed = false;
    let rest = if fenced { &text[first.len()..] } else { text };
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim();
        if fenced && trimmed == "---" {
            consumed += line.len();
            closed = true;
            break;
        }
        if !fenced && trimmed.is_empty() {
            closed = keys > 0;
            if closed {
                consumed += line.len();
            }
            break;
        }
        let Some(c) = LINE.captures(trimmed) else {
            if fenced {
                consumed += line.len();
                continue;
            }
            break;
        };
        keys += 1;
        consumed += line.len();
        let value = c[2].trim_matches(['"', '\'']).to_string();
        if value.is_empty() {
            continue;
        }
        match c[1].to_ascii_lowercase().as_str() {
            "title" | "headline" => meta.title = Some(value),
            "outlet" | "source" | "site" | "publisher" => meta.outlet = Some(value),
            "url" | "link" => meta.url = Some(value),
            "published" | "date" => meta.published = Some(value),
            "byline" | "author" => meta.byline = Some(value),
            "language" | "lang" => meta.language = Some(value),
            "id" => meta.id = Some(value),
            _ => {}
        }
    }
    if !closed || keys == 0 {
        return (Meta::default(), text);
    }
    (meta, &text[consumed..])
}

#[cfg(test)]
mod tests {
    use super::front_matter;

    #[test]
    fn reads_fenced_and_bare_headers() {
        let (m, body) =
            front_matter("---\ntitle: A headline\npublished: 2025-11-26\n---\nBody text.");
        assert_eq!(m.title.as_deref(), Some("A headline"));
        assert_eq!(m.published.as_deref(), Some("2025-11-26"));
        assert_eq!(body, "Body text.");

        let (m, body) = front_matter("outlet: The Daily Example\nbyline: Jane Roe\n\nBody text.");
        assert_eq!(m.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(m.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(body, "Body text.");

        // A body that merely starts with "Source:" in a paragraph is not a header.
        let text = "Source: a person familiar with the talks said the plan changed.\nMore text.";
        let (m, body) = front_matter(text);
        assert_eq!(m.outlet, None);
        assert_eq!(body, text);
    }
}
