//! HTML pages: main-content extraction (our `extract` crate, chosen by measurement) and page
//! metadata, then the same news cleanup as plain text.

use crate::{clean, file_stem, hash_id, Ingested, Meta, Problem};
use model::{Format, Source};

/// Reads one HTML page as an article.
pub(crate) fn read(path: &str, bytes: &[u8]) -> Ingested {
    read_page(path, bytes, None, Format::Html, Meta::default())
}

/// Reads an HTML page, alone or found inside a container (a WARC record, a JSONL `html` field).
///
/// `given` is what the container already knows (its id, title, outlet...): it wins over what the
/// page says, except the URL, where the page's canonical URL wins over the address it was fetched from.
pub(crate) fn read_page(
    path: &str,
    bytes: &[u8],
    record: Option<String>,
    format: Format,
    given: Meta,
) -> Ingested {
    let mut out = Ingested::default();
    let page = extract::extract(&extract::decode(bytes));
    let m = page.meta;
    let meta = Meta {
        id: given.id,
        title: given.title.or(m.title),
        outlet: given.outlet.or(m.site),
        url: m.url.or(given.url),
        published: given.published.or(m.published),
        byline: given.byline.or(m.author),
        language: given.language.or(m.language),
    };
    let mut cleaned = clean(&page.text, meta.title.as_deref());
    // The standfirst set before the body repeats the story: a summary, not separate evidence.
    if let Some(lead) = page.lead.as_deref() {
        // Its lines in order (cleaning puts a blank line between paragraphs).
        let mut from = 0;
        let mut found: Option<(usize, usize)> = None;
        for line in lead.lines().filter(|l| !l.trim().is_empty()) {
            match cleaned.text[from..].find(line) {
                Some(i) if found.is_none() || cleaned.text[from..from + i].trim().is_empty() => {
                    let start = found.map_or(from + i, |f| f.0);
                    found = Some((start, from + i + line.len()));
                    from += i + line.len();
                }
                _ => {
                    found = None;
                    break;
                }
            }
        }
        if let Some((start, end)) = found {
            let span = model::Span::new(start, end);
            if !cleaned.zones.iter().any(|z| z.span.overlaps(span)) {
                cleaned.zones.push(model::Zone {
                    kind: model::ZoneKind::Summary,
                    span,
                });
                cleaned.zones.sort_by_key(|z| z.span.start());
            }
        }
    }
    if cleaned.text.trim().is_empty() || only_title(&cleaned.text, meta.title.as_deref()) {
        out.problems.push(Problem::error(
            path,
            record,
            "HTML page has no article text",
        ));
        return out;
    }
    let id = match (meta.id.clone(), format, meta.url.as_deref()) {
        (Some(id), _, _) => id,
        (None, Format::Html, _) => file_stem(path),
        (None, _, Some(u)) => hash_id(u),
        (None, _, None) => hash_id(&format!("{path}#{}", record.as_deref().unwrap_or(""))),
    };
    let source = Source {
        path: path.to_string(),
        format,
        record,
        url: meta.url.clone(),
    };
    out.articles
        .push(crate::assemble(id, source, meta, cleaned));
    out
}

/// Extractors fall back to the `<title>` when a page has no body text: that is not an article.
fn only_title(text: &str, title: Option<&str>) -> bool {
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return false;
    };
    !text.replace(title, "").chars().any(char::is_alphanumeric)
}

/// Converts an HTML fragment (a feed item's content) to text: one paragraph per line, scripts and
/// styles dropped, entities decoded.
pub fn html_fragment_to_text(fragment: &str) -> String {
    extract::fragment_text(fragment)
}

#[cfg(test)]
mod tests {
    use super::html_fragment_to_text;

    #[test]
    fn fragments_become_paragraphs_without_scripts() {
        let html =
            "<p>First &amp; <b>bold</b> para.</p><script>alert(1)</script><p>Second<br>line</p>";
        assert_eq!(
            html_fragment_to_text(html),
            "First & bold para.\nSecond\nline"
        );
    }
}
