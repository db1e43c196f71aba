//! Each reader, and each kind of bad input, through the public `read_bytes` entry point.

use expect_test::{expect, Expect};
use ingest::{read_bytes, Ingested, Options};
use std::io::Write;

fn render(got: &Ingested) -> String {
    let mut out = String::new();
    for a in &got.articles {
        let text: String = a.text.chars().take(70).collect();
        out.push_str(&format!(
            "{} [{}] title={:?} outlet={:?} byline={:?} published={}({}) lang={:?}\n  {}\n",
            a.id,
            a.source.format.as_str(),
            a.title.as_deref().unwrap_or("-"),
            a.outlet.as_deref().unwrap_or("-"),
            a.byline.as_deref().unwrap_or("-"),
            a.published.date.iso(),
            a.published.how.as_str(),
            a.language.as_deref().unwrap_or("-"),
            text.replace('\n', "⏎"),
        ));
    }
    for p in &got.problems {
        out.push_str(&format!("{p}\n"));
    }
    out
}

fn check_with(path: &str, bytes: &[u8], opts: &Options, expect: Expect) {
    expect.assert_eq(&render(&read_bytes(path, bytes, opts)));
}

fn check(path: &str, bytes: &[u8], expect: Expect) {
    check_with(path, bytes, &Options::default(), expect)
}

const BODY: &str = "The city council approved the new harbour plan on Tuesday after a debate that lasted most of the night. The plan sets aside land for housing and a public park along the water. Opponents said the cost had not been explained and promised to challenge the vote in court next month.";

fn page(extra_head: &str, body_html: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour plan approved | The Daily Example</title>{extra_head}</head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Harbour plan approved</h1>{body_html}</article>\
         <footer>Copyright 2025 The Daily Example. All rights reserved.</footer></body></html>"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn plain_text_with_front_matter() {
    let text = format!("---\ntitle: Harbour plan approved\noutlet: The Daily Example\npublished: 2025-11-26\nbyline: Jane Roe\n---\n{BODY}\n");
    check(
        "news/harbour.txt",
        text.as_bytes(),
        expect![[r#"
            harbour [text] title="Harbour plan approved" outlet="The Daily Example" byline="Jane Roe" published=2025-11-26(metadata) lang="en"
              The city council approved the new harbour plan on Tuesday after a deba
        "#]],
    );
}

#[test]
fn html_page_with_opengraph_and_json_ld() {
    let head = r#"<meta property="og:site_name" content="The Daily Example">
        <meta property="article:published_time" content="2025-11-26T08:00:00Z">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour plan approved","datePublished":"2025-11-26T08:00:00Z","author":{"@type":"Person","name":"Jane Roe"},"publisher":{"@type":"Organization","name":"The Daily Example"}}</script>"#;
    let body = format!("<p>{BODY}</p><p>The mayor said work would start in the spring and take three years to finish.</p>");
    check(
        "pages/harbour.html",
        page(head, &body).as_bytes(),
        expect![[r#"
            harbour [html] title="Harbour plan approved" outlet="The Daily Example" byline="Jane Roe" published=2025-11-26(metadata) lang="en"
              The city council approved the new harbour plan on Tuesday after a deba
        "#]],
    );
}

#[test]
fn script_in_html_is_dropped_but_escaped_markup_in_the_text_is_kept_as_text() {
    let body = format!(
        "<p>{BODY}</p><script>document.write('injected')</script><p>Researchers found the string &lt;script&gt;alert(1)&lt;/script&gt; pasted into the comment field of the council website.</p>"
    );
    let got = read_bytes("x.html", page("", &body).as_bytes(), &Options::default());
    let text = &got.articles[0].text;
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(!text.contains("injected"), "{text}");
}

#[test]
fn html_without_body_text_is_an_error() {
    check(
        "empty.html",
        b"<html><head><title>Nothing here</title></head><body></body></html>",
        expect![[r#"
            error: empty.html: HTML page has no article text
        "#]],
    );
}

#[test]
fn broken_html_is_still_read() {
    let broken =
        format!("<html><body><div><p>{BODY}<p>Unclosed <b>bold <i>and italic</div></span></body>");
    let got = read_bytes("broken.html", broken.as_bytes(), &Options::default());
    assert_eq!(got.articles.len(), 1, "{}", render(&got));
    assert!(got.articles[0].text.contains("harbour plan"));
}

#[test]
fn jsonl_with_one_malformed_line() {
    let jsonl = format!(
        "{{\"id\": \"a1\", \"title\": \"Harbour plan approved\", \"outlet\": \"Daily Example\", \"published\": \"2025-11-26\", \"text\": \"{BODY}\"}}\n\
         {{\"id\": \"a2\", \"text\": \"unterminated\n\
         {{\"url\": \"https://example.com/b\", \"text\": \"{BODY}\"}}\n\
         {{\"id\": \"a4\", \"title\": \"No body\"}}\n"
    );
    check(
        "batch.jsonl",
        jsonl.as_bytes(),
        expect![[r#"
            a1 [jsonl] title="Harbour plan approved" outlet="Daily Example" byline="-" published=2025-11-26(metadata) lang="en"
              The city council approved the new harbour plan on Tuesday after a deba
            d7fe568b31ae0fb9 [jsonl] title="-" outlet="-" byline="-" published=(unknown) lang="en"
              The city council approved the new harbour plan on Tuesday after a deba
            error: batch.jsonl: line 2: invalid JSON: EOF while parsing a string at line 1 column 34
            error: batch.jsonl: line 4: no `text` or `html` field
        "#]],
    );
}

fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    rec.extend_from_slice(http.as_bytes());
    rec.extend_from_slice(b"\r\n\r\n");
    rec
}

fn warc() -> Vec<u8> {
    let mut w =
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 9\r\n\r\nsoftware\n\r\n\r\n".to_vec();
    w.extend(warc_record(
        "https://example.com/a",
        &page("", &format!("<p>{BODY}</p>")),
    ));
    w.extend(warc_record(
        "https://example.com/b",
        &page(
            "",
            &format!("<p>{}</p>", BODY.replace("harbour", "airport")),
        ),
    ));
    w
}

#[test]
fn warc_plain_and_gzipped() {
    let expected = expect![[r#"
        2dce0a4c50441bfc [warc] title="Harbour plan approved" outlet="The Daily Example" byline="-" published=(unknown) lang="en"
          The city council approved the new harbour plan on Tuesday after a deba
        d7fe568b31ae0fb9 [warc] title="Harbour plan approved" outlet="The Daily Example" byline="-" published=(unknown) lang="en"
          The city council approved the new airport plan on Tuesday after a deba
    "#]];
    let plain = render(&read_bytes("crawl.warc", &warc(), &Options::default()));
    expected.assert_eq(&plain);
    // Gzipped, the way crawlers write WARCs.
    let gz = render(&read_bytes(
        "crawl.warc",
        &gzip(&warc()),
        &Options::default(),
    ));
    assert_eq!(gz, plain);
}

#[test]
fn truncated_gzip_warc_keeps_what_was_read() {
    let mut first = gzip(&warc_record(
        "https://example.com/a",
        &page("", &format!("<p>{BODY}</p>")),
    ));
    let second = gzip(&warc_record(
        "https://example.com/b",
        &page("", &format!("<p>{BODY}</p>")),
    ));
    first.extend_from_slice(&second[..second.len() / 2]);
    check(
        "cut.warc.gz",
        &first,
        expect![[r#"
            2dce0a4c50441bfc [warc] title="Harbour plan approved" outlet="The Daily Example" byline="-" published=(unknown) lang="en"
              The city council approved the new harbour plan on Tuesday after a deba
            error: cut.warc.gz: record 2: truncated or corrupt data after 1 complete records: incomplete deflate stream
        "#]],
    );
}

#[test]
fn rss_and_atom_items_with_full_content() {
    let long = format!("&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;{BODY}&lt;/p&gt;");
    let rss = format!(
        r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>The Daily Example</title>
        <item><title>Harbour plan approved</title><link>https://example.com/h</link><pubDate>Wed, 26 Nov 2025 08:00:00 GMT</pubDate><content:encoded>{long}</content:encoded></item>
        <item><title>Teaser only</title><link>https://example.com/t</link><description>Short teaser.</description></item>
        </channel></rss>"#
    );
    check(
        "feed.xml",
        rss.as_bytes(),
        expect![[r#"
            ab5fdede49e491dc [feed] title="Harbour plan approved" outlet="The Daily Example" byline="-" published=2025-11-26(metadata) lang="en"
              The city council approved the new harbour plan on Tuesday after a deba
            warning: feed.xml: 1 feed item without full content skipped
        "#]],
    );
    let atom = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title><id>urn:x</id><updated>2025-11-26T08:00:00Z</updated>
        <entry><title>Harbour plan approved</title><id>urn:x:1</id><link href="https://example.com/h"/><published>2025-11-26T08:00:00Z</published><updated>2025-11-26T09:00:00Z</updated>
        <author><name>Jane Roe</name></author><content type="html">{long}</content></entry></feed>"#
    );
    check(
        "atom.xml",
        atom.as_bytes(),
        expect![[r#"
            ab5fdede49e491dc [feed] title="Harbour plan approved" outlet="Example Wire" byline="Jane Roe" published=2025-11-26(metadata) lang="en"
              The city council approved the new harbour plan on Tuesday after a deba
        "#]],
    );
}

#[test]
fn bad_inputs_get_one_clear_problem_each() {
    check(
        "empty.txt",
        b"",
        expect![[r#"
        error: empty.txt: empty file
    "#]],
    );
    check(
        "blank.txt",
        b"  \n\n \t\n",
        expect![[r#"
        error: blank.txt: empty file
    "#]],
    );
    check(
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
        expect![[r#"
            error: photo.txt: binary file (PNG image), not an article
        "#]],
    );
}

#[test]
fn huge_input_is_refused_by_the_limit() {
    let opts = Options {
        max_bytes: 100,
        ..Options::default()
    };
    check_with(
        "big.txt",
        BODY.as_bytes(),
        &opts,
        expect![[r#"
            error: big.txt: file is 278 bytes, over the 100 bytes limit (raise it with --max-file-size)
        "#]],
    );
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let mut bytes = BODY.as_bytes().to_vec();
    bytes.insert(20, 0xff);
    check(
        "latin.txt",
        &bytes,
        expect![[r#"
            latin [text] title="-" outlet="-" byline="-" published=(unknown) lang="en"
              The city council app�roved the new harbour plan on Tuesday after a deb
            warning: latin.txt: invalid UTF-8 from byte 20: decoded with 1 replacement character
        "#]],
    );
}

#[test]
fn jsonl_html_lines_keep_their_own_fields_over_the_page() {
    let html = page("", &format!("<p>{BODY}</p>")).replace('"', "\\\"");
    let line = format!("{{\"id\": \"h1\", \"title\": \"Council backs harbour plan\", \"published\": \"2025-11-26\", \"html\": \"{html}\"}}\n");
    let got = read_bytes("pages.jsonl", line.as_bytes(), &Options::default());
    assert!(got.problems.is_empty(), "{}", render(&got));
    let a = &got.articles[0];
    assert_eq!(a.id, "h1");
    assert_eq!(a.title.as_deref(), Some("Council backs harbour plan"));
    assert_eq!(a.published.date.iso(), "2025-11-26");
    assert_eq!(a.outlet.as_deref(), Some("The Daily Example"));
    assert!(a.text.starts_with("The city council approved"));
}

#[test]
fn an_html_standfirst_is_kept_as_a_summary_zone() {
    let html = page(
        "",
        &format!("<p class=\"standfirst\">Councillors backed the harbour plan after a night of debate, setting aside land for new homes and a public park along the water front.</p><p>{BODY}</p><p>{BODY}</p>"),
    );
    let got = read_bytes("page.html", html.as_bytes(), &Options::default());
    let a = &got.articles[0];
    let zones: Vec<String> = a
        .zones
        .iter()
        .map(|z| format!("{:?}: {}", z.kind, &a.text[z.span.range()]))
        .collect();
    expect!["Summary: Councillors backed the harbour plan after a night of debate, setting aside land for new homes and a public park along the water front."].assert_eq(&zones.join("\n"));
}
