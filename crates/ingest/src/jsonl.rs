//! JSONL (one article per line), and JSON arrays of the same objects.

use crate::{clean, decode_utf8, file_stem, hash_id, html, Ingested, Meta, Problem};
use model::{Format, Source};
use serde_json::Value;

/// Reads a JSONL file. A malformed line is reported with its number; the other lines are still read.
pub(crate) fn read(path: &str, bytes: &[u8]) -> Ingested {
    let (text, warning) = decode_utf8(path, bytes);
    let mut out = Ingested::default();
    out.problems.extend(warning);
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        match serde_json::from_str::<Vec<Value>>(trimmed) {
            Ok(items) => {
                for (i, v) in items.into_iter().enumerate() {
                    read_object(path, &format!("item {}", i + 1), v, &mut out);
                }
            }
            Err(e) => out.problems.push(Problem::error(
                path,
                None,
                format!("invalid JSON array: {e}"),
            )),
        }
        return out;
    }
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let location = format!("line {}", n + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(v) => read_object(path, &location, v, &mut out),
            Err(e) => out.problems.push(Problem::error(
                path,
                Some(location),
                format!("invalid JSON: {e}"),
            )),
        }
    }
    if out.articles.is_empty() && !out.has_errors() {
        out.problems
            .push(Problem::error(path, None, "no articles in the JSON input"));
    }
    out
}

fn field(v: &Value, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match v.get(n)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(x) => Some(x.to_string()),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    })
}

fn read_object(path: &str, location: &str, v: Value, out: &mut Ingested) {
    if !v.is_object() {
        out.problems.push(Problem::error(
            path,
            Some(location.to_string()),
            "expected a JSON object with `text` or `html`",
        ));
        return;
    }
    let url = field(&v, &["url", "link"]);
    let id = field(&v, &["id"])
        .or_else(|| url.as_deref().map(hash_id))
        .unwrap_or_else(|| format!("{}-{}", file_stem(path), location.replace(' ', "")));
    let meta = Meta {
        id: Some(id.clone()),
        title: field(&v, &["title", "headline"]),
        outlet: field(&v, &["outlet", "source", "site", "publisher"]),
        url: url.clone(),
        published: field(
            &v,
            &["published", "date", "published_at", "publication_date"],
        ),
        byline: field(&v, &["byline", "author", "authors"]),
        language: field(&v, &["language", "lang"]),
    };
    let source = Source {
        path: path.to_string(),
        format: Format::Jsonl,
        record: Some(location.to_string()),
        url: url.clone(),
    };
    if let Some(text) = field(&v, &["text", "body", "content"]) {
        let cleaned = clean(&text, meta.title.as_deref());
        if cleaned.text.trim().is_empty() {
            out.problems.push(Problem::error(
                path,
                Some(location.to_string()),
                "no article text left after removing boilerplate",
            ));
            return;
        }
        out.articles
            .push(crate::assemble(id, source, meta, cleaned));
    } else if let Some(page) = field(&v, &["html"]) {
        let got = html::read_page(
            path,
            page.as_bytes(),
            Some(location.to_string()),
            Format::Jsonl,
            meta,
        );
        out.articles.extend(got.articles);
        out.problems.extend(got.problems);
    } else {
        out.problems.push(Problem::error(
            path,
            Some(location.to_string()),
            "no `text` or `html` field",
        ));
    }
}
