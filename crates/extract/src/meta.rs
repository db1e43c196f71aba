//! Page metadata: title, site, author, publication date, language and URL from JSON-LD, OpenGraph and
//! `article:*` meta tags, other common meta names, `<title>` and `<html lang>`.

use crate::dom::Dom;
use serde_json::Value;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub site: Option<String>,
    pub author: Option<String>,
    /// The publication date value as the page gives it (ISO 8601 in most pages).
    pub published: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// The article's text as its JSON-LD `articleBody` gives it, when the page describes one
    /// article with a body.
    pub body: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "WebPage",
    "Report",
    "ScholarlyArticle",
];

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o.get("name").and_then(text_of),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

fn is_article(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

/// Article objects in a JSON-LD value, best first (news types before generic pages).
fn articles(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| articles(x, out)),
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                articles(g, out);
            }
            if is_article(v) {
                out.push(v.clone());
            }
        }
        _ => {}
    }
}

/// `Headline | Site` (or `-`, `–`, `—`, `::`, `»`): the longest part is the headline, and a short
/// last or first part is the site.
fn split_title(title: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return (None, None);
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » ", " · "] {
        let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
        if parts.len() < 2 {
            continue;
        }
        let (i, longest) = parts
            .iter()
            .enumerate()
            .max_by_key(|(_, p)| p.chars().count())
            .map(|(i, p)| (i, *p))
            .unwrap_or((0, title));
        if longest.split_whitespace().count() < 3 {
            continue;
        }
        let site = if i == 0 { parts.last() } else { parts.first() }
            .filter(|s| s.split_whitespace().count() <= 5)
            .map(|s| s.to_string());
        return (Some(longest.to_string()), site);
    }
    (Some(title.to_string()), None)
}

pub(crate) fn read(dom: &Dom) -> PageMeta {
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut lang = None;
    let mut canonical = None;
    for n in &dom.nodes {
        match &*n.tag {
            "meta" => {
                let key = n
                    .attr("property")
                    .or_else(|| n.attr("name"))
                    .or_else(|| n.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, n.attr("content")) {
                    if !v.trim().is_empty() {
                        metas.push((k.to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
            "html" if lang.is_none() => lang = n.attr("lang").map(String::from),
            "link" if canonical.is_none() && n.attr("rel") == Some("canonical") => {
                canonical = n.attr("href").map(String::from)
            }
            _ => {}
        }
    }
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()))
    };
    let mut ld = Vec::new();
    for raw in &dom.json_ld {
        if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
            articles(&v, &mut ld);
        }
    }
    ld.sort_by_key(|v| !matches!(v.get("@type"), Some(Value::String(t)) if t.contains("Article") || t.contains("Posting")));
    let ld_field = |f: &str| ld.iter().find_map(|v| v.get(f).and_then(text_of));
    let ld_publisher = ld.iter().find_map(|v| v.get("publisher").and_then(text_of));

    let (page_title, title_site) = split_title(dom.title.as_deref());
    let title = ld_field("headline")
        .or_else(|| meta(&["og:title", "twitter:title"]))
        .or(page_title);
    let author = ld_field("author")
        .or_else(|| {
            meta(&[
                "author",
                "article:author",
                "byl",
                "parsely-author",
                "sailthru.author",
                "dc.creator",
            ])
        })
        .filter(|a| !a.starts_with("http"));
    let published = ld_field("datePublished").or_else(|| {
        meta(&[
            "article:published_time",
            "datepublished",
            "og:published_time",
            "publish-date",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "dc.date.issued",
            "parsely-pub-date",
            "sailthru.date",
            "article.published",
            "published_time",
        ])
    });
    PageMeta {
        title,
        site: meta(&["og:site_name", "application-name"])
            .or(ld_publisher)
            .or(title_site),
        author,
        published,
        language: lang.or_else(|| meta(&["og:locale", "language", "content-language"])),
        url: meta(&["og:url"]).or(canonical),
        // One body only: a listing page describes many articles.
        body: match ld
            .iter()
            .filter_map(|v| v.get("articleBody").and_then(Value::as_str))
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .collect::<Vec<_>>()[..]
        {
            [one] => Some(one.to_string()),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::split_title;

    #[test]
    fn titles_lose_their_site_suffix() {
        let t = |s| split_title(Some(s));
        assert_eq!(
            t("Harbour plan approved by council | The Daily Example"),
            (
                Some("Harbour plan approved by council".into()),
                Some("The Daily Example".into())
            )
        );
        assert_eq!(
            t("Example News - Storm closes all schools in the region"),
            (
                Some("Storm closes all schools in the region".into()),
                Some("Example News".into())
            )
        );
        assert_eq!(
            t("Jean-Paul wins - again"),
            (Some("Jean-Paul wins - again".into()), None)
        );
    }
}
