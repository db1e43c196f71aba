//! Bytes to articles: format sniffing, the readers for each format, and cleaning of the body text.
//!
//! Everything here is pure: callers hand in bytes (or a reader) and a display path, and get back
//! articles plus a list of problems. Nothing here opens files or prints.

mod clean;
mod dates;
mod feed;
mod html;
mod jsonl;
mod lang;
mod sniff;
mod text;
mod warc;

use model::Article;
use std::fmt;
use std::io::Read;

pub use clean::{clean, Cleaned};
pub use dates::parse_date;
pub use html::html_fragment_to_text;
pub use sniff::{sniff, Sniffed};
pub use warc::WarcReader;

/// Limits that keep memory bounded on hostile or huge input.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The largest file (or decompressed file) read whole, in bytes. WARC files are streamed and only
    /// their records are bounded.
    pub max_bytes: u64,
    /// The largest WARC record payload read, in bytes.
    pub max_record_bytes: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_bytes: 64 * 1024 * 1024,
            max_record_bytes: 16 * 1024 * 1024,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something was odd but the input was still read (invalid UTF-8 decoded with replacements).
    Warning,
    /// Some or all of the input could not be read.
    Error,
}

/// A problem with one input, named by its path and, where it helps, a place inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    /// Where inside the file: `line 3`, `record 12`, `item 4`.
    pub location: Option<String>,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn error(path: &str, location: Option<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.to_string(),
            location,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(path: &str, location: Option<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.to_string(),
            location,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match &self.location {
            Some(loc) => write!(f, "{level}: {}: {loc}: {}", self.path, self.message),
            None => write!(f, "{level}: {}: {}", self.path, self.message),
        }
    }
}

/// What reading one input gave: its articles and its problems.
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

impl Ingested {
    fn failed(problem: Problem) -> Ingested {
        Ingested {
            articles: Vec::new(),
            problems: vec![problem],
        }
    }

    /// True when the input gave at least one error (warnings do not count).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Reads one whole input held in memory: sniffs its format from the content and runs its reader.
///
/// `path` names the input in ids and problems; its stem becomes the id of a single-article file.
pub fn read_bytes(path: &str, bytes: &[u8], opts: &Options) -> Ingested {
    if bytes.len() as u64 > opts.max_bytes {
        return Ingested::failed(Problem::error(
            path,
            None,
            too_large(Some(bytes.len() as u64), opts.max_bytes),
        ));
    }
    match sniff(bytes) {
        Sniffed::Empty => Ingested::failed(Problem::error(path, None, "empty file")),
        Sniffed::Binary(what) => Ingested::failed(Problem::error(
            path,
            None,
            format!("binary file ({what}), not an article"),
        )),
        Sniffed::Gzip => match gunzip_bounded(bytes, opts.max_bytes) {
            Ok(inner) if matches!(sniff(&inner), Sniffed::Gzip) => {
                Ingested::failed(Problem::error(path, None, "gzip inside gzip is not read"))
            }
            Ok(inner) => read_bytes(path, &inner, opts),
            Err(msg) => Ingested::failed(Problem::error(path, None, msg)),
        },
        Sniffed::Warc | Sniffed::WarcGz => {
            let mut out = Ingested::default();
            read_warc(
                path,
                bytes,
                opts,
                |a| out.articles.push(a),
                |p| out.problems.push(p),
            );
            out
        }
        Sniffed::Html => html::read(path, bytes),
        Sniffed::Feed => feed::read(path, bytes),
        Sniffed::Jsonl => jsonl::read(path, bytes),
        Sniffed::Text => text::read(path, bytes),
    }
}

/// Reads one HTML page (as `read_bytes` does for an HTML file), with its URL when known.
pub fn read_html(path: &str, bytes: &[u8], url: Option<&str>) -> Ingested {
    let given = Meta {
        url: url.map(String::from),
        ..Meta::default()
    };
    html::read_page(path, bytes, None, model::Format::Html, given)
}

/// Streams a WARC file (gzipped or not), handing over each article as soon as it is read.
/// Memory stays bounded by one record, whatever the size of the file.
pub fn read_warc<R: Read>(
    path: &str,
    reader: R,
    opts: &Options,
    mut on_article: impl FnMut(Article),
    mut on_problem: impl FnMut(Problem),
) {
    let mut warc = WarcReader::new(path, reader, opts.max_record_bytes);
    while let Some(item) = warc.next_article() {
        match item {
            Ok(article) => on_article(article),
            Err(problem) => on_problem(problem),
        }
    }
}

/// The message for an input over the size limit; `size` is `None` when it is not known (standard
/// input is read only up to the limit).
pub fn too_large(size: Option<u64>, limit: u64) -> String {
    let what = match size {
        Some(size) => format!("file is {},", human_size(size)),
        None => "input is".to_string(),
    };
    format!(
        "{what} over the {} limit (raise it with --max-file-size)",
        human_size(limit)
    )
}

/// A byte count for people: `1.5 MB`, `200.0 MB`, `812 bytes`.
pub fn human_size(n: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if n >= 1024 * 1024 {
        format!("{:.1} MB", n as f64 / MB)
    } else if n >= 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

fn gunzip_bounded(bytes: &[u8], limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut dec = flate2::read::MultiGzDecoder::new(bytes).take(limit + 1);
    match dec.read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > limit => Err(format!(
            "decompressed content is over the {} limit (raise it with --max-file-size)",
            human_size(limit)
        )),
        Ok(_) => Ok(out),
        Err(e) => Err(format!("broken gzip data: {e}")),
    }
}

/// Decodes UTF-8, replacing invalid sequences; returns a warning naming the first bad byte.
pub(crate) fn decode_utf8(path: &str, bytes: &[u8]) -> (String, Option<Problem>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.matches('\u{FFFD}').count();
            let warning = Problem::warning(
                path,
                None,
                format!(
                    "invalid UTF-8 from byte {}: decoded with {bad} replacement character{}",
                    e.valid_up_to(),
                    if bad == 1 { "" } else { "s" }
                ),
            );
            (text, Some(warning))
        }
    }
}

/// The id of a single-article file: its file stem (`reports/003_ab.txt` -> `003_ab`).
pub(crate) fn file_stem(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let name = name.strip_suffix(".gz").unwrap_or(name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

/// A short stable id from a URL or other key: the first 16 hex digits of its SHA-256.
pub fn hash_id(key: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(key.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Makes ids unique across a run: a repeated id gets `-2`, `-3`, ... in the order seen.
pub fn dedupe_ids(articles: &mut [Article]) {
    use std::collections::HashMap;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for a in articles.iter_mut() {
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut k = *n;
            let mut candidate = format!("{}-{k}", a.id);
            while seen.contains_key(&candidate) {
                k += 1;
                candidate = format!("{}-{k}", a.id);
            }
            seen.insert(candidate.clone(), 1);
            a.id = candidate;
        }
    }
}

/// What a reader knows about an article before its text is cleaned.
#[derive(Debug, Default, Clone)]
pub(crate) struct Meta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The raw date value, parsed in `assemble`.
    pub published: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
}

/// Builds the article from reader metadata and cleaned text. Metadata wins over what cleaning
/// read from the text; nothing is guessed.
pub(crate) fn assemble(id: String, source: model::Source, meta: Meta, cleaned: Cleaned) -> Article {
    use model::{DateEvidence, Published};
    let published = meta
        .published
        .as_deref()
        .and_then(|raw| {
            parse_date(raw).map(|(date, _)| Published {
                date,
                how: DateEvidence::Metadata,
                evidence: Some(raw.to_string()),
            })
        })
        .or_else(|| {
            cleaned.date.map(|(date, how, raw)| Published {
                date,
                how,
                evidence: Some(raw),
            })
        })
        .unwrap_or_else(Published::unknown);
    let language = meta
        .language
        .as_deref()
        .and_then(lang::normalise_tag)
        .or_else(|| lang::detect(&cleaned.text));
    let mut article = Article::new(id, source, cleaned.text);
    article.title = non_empty(meta.title).or(non_empty(cleaned.title));
    article.outlet = non_empty(meta.outlet).or(non_empty(cleaned.outlet));
    article.byline = non_empty(meta.byline).or(non_empty(cleaned.byline));
    article.dateline = cleaned.dateline;
    article.published = published;
    article.language = language;
    article.zones = cleaned.zones;
    article.removed = cleaned.removed;
    article.credits = cleaned.credits;
    article
}
