//! Format detection from content, not file names.

/// What an input looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Empty,
    /// A binary file, with a word on what kind.
    Binary(&'static str),
    /// Gzip whose content is not a WARC (an `.html.gz`, say).
    Gzip,
    Warc,
    WarcGz,
    Html,
    Feed,
    Jsonl,
    Text,
}

/// Looks at the start of an input (the first few kilobytes suffice) and says what it is.
pub fn sniff(head: &[u8]) -> Sniffed {
    if head.iter().all(|b| b.is_ascii_whitespace()) {
        return Sniffed::Empty;
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        return if gzip_starts_with_warc(head) {
            Sniffed::WarcGz
        } else {
            Sniffed::Gzip
        };
    }
    if let Some(kind) = binary_magic(head) {
        return Sniffed::Binary(kind);
    }
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if start.starts_with(b"WARC/") {
        return Sniffed::Warc;
    }
    let window = &start[..start.len().min(8192)];
    if looks_binary(window) {
        return Sniffed::Binary("unrecognised binary data");
    }
    let trimmed = trim_start(start);
    if trimmed.first() == Some(&b'<') {
        let lower: Vec<u8> = window
            .iter()
            .take(4096)
            .map(u8::to_ascii_lowercase)
            .collect();
        let has = |needle: &[u8]| memchr::memmem::find(&lower, needle).is_some();
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return Sniffed::Feed;
        }
        if has(b"<html")
            || has(b"<!doctype html")
            || has(b"<head")
            || has(b"<body")
            || has(b"<div")
            || has(b"<p")
            || has(b"<article")
            || has(b"<meta")
            || has(b"<title")
        {
            return Sniffed::Html;
        }
    }
    if trimmed.first() == Some(&b'{') || trimmed.first() == Some(&b'[') {
        return Sniffed::Jsonl;
    }
    Sniffed::Text
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn binary_magic(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7FELF", "executable"),
        (b"BZh", "bzip2 archive"),
        (b"\xFD7zXZ\x00", "xz archive"),
        (b"\x28\xB5\x2F\xFD", "zstd archive"),
        (b"SQLite format 3\x00", "SQLite database"),
    ];
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some("WebP image");
    }
    MAGIC
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// NUL bytes, or many control characters, mean the data is not text.
fn looks_binary(window: &[u8]) -> bool {
    if window.contains(&0) {
        return true;
    }
    let control = window
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > window.len()
}

fn gzip_starts_with_warc(head: &[u8]) -> bool {
    use std::io::Read;
    let mut buf = [0u8; 5];
    let mut dec = flate2::read::GzDecoder::new(head);
    let mut got = 0;
    while got < buf.len() {
        match dec.read(&mut buf[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    &buf[..got] == b"WARC/"
}

#[cfg(test)]
mod tests {
    use super::{sniff, Sniffed};

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"   \n\n"), Sniffed::Empty);
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Sniffed::Binary("PNG image")
        );
        assert_eq!(sniff(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), Sniffed::Warc);
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>x</body></html>"),
            Sniffed::Html
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Sniffed::Feed
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Sniffed::Feed
        );
        assert_eq!(sniff(b"{\"id\": \"a\", \"text\": \"x\"}\n"), Sniffed::Jsonl);
        assert_eq!(
            sniff(b"MOSCOW (Reuters) - The Kremlin said."),
            Sniffed::Text
        );
        assert_eq!(
            sniff(b"some\0binary"),
            Sniffed::Binary("unrecognised binary data")
        );
    }
}
