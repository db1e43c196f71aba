//! Main-content extraction on small hand-made pages: what a reader would call the article.

use expect_test::{expect, Expect};

fn check(html: &str, expect: Expect) {
    let page = extract::extract(html);
    let m = &page.meta;
    let mut out = String::new();
    for (k, v) in [
        ("title", &m.title),
        ("site", &m.site),
        ("author", &m.author),
        ("published", &m.published),
        ("language", &m.language),
        ("url", &m.url),
    ] {
        if let Some(v) = v {
            out.push_str(&format!("{k}: {v}\n"));
        }
    }
    if let Some(lead) = &page.lead {
        out.push_str(&format!("standfirst: {lead}\n"));
    }
    out.push_str("---\n");
    out.push_str(&page.text);
    out.push('\n');
    expect.assert_eq(&out);
}

const P1: &str = "The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.";
const P2: &str =
    "Opponents said the cost had not been explained, and promised to challenge the vote in court.";
const P3: &str =
    "Work is due to start in the spring, the mayor said, and should take three years to finish.";

#[test]
fn furniture_around_the_article_is_left_out() {
    check(
        &format!(
            r##"<html lang="en-GB"><head><title>Harbour plan approved by council | Example Times</title></head><body>
            <header><a href="/">Home</a> <a href="/news">News</a></header>
            <nav><ul><li><a href="/a">World</a></li><li><a href="/b">Business</a></li></ul></nav>
            <div class="main"><article><h1>Harbour plan approved by council</h1>
              <div class="byline">By Jane Roe</div>
              <p>{P1}</p><p>{P2}</p><p>{P3}</p>
              <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Email</a></div>
            </article>
            <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Another story entirely, with a long headline</a></li></ul></aside>
            <div class="comments"><p>First! This is a comment by a reader who disagrees with everything, loudly.</p></div>
            </div><footer>Copyright 2025 Example Times. All rights reserved.</footer></body></html>"##
        ),
        expect![[r#"
            title: Harbour plan approved by council
            site: Example Times
            language: en-GB
            ---
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            Opponents said the cost had not been explained, and promised to challenge the vote in court.
            Work is due to start in the spring, the mayor said, and should take three years to finish.
        "#]],
    );
}

#[test]
fn body_split_into_components_is_gathered_in_order() {
    check(
        &format!(
            r#"<body><div class="page">
              <div class="row"><div class="text-block"><p>{P1}</p></div></div>
              <div class="row"><div class="promo"><a href="/subscribe">Subscribe for one euro a week and read on</a></div></div>
              <div class="row"><div class="text-block"><p>{P2}</p></div></div>
              <div class="row"><div class="text-block"><p>{P3} {P1}</p></div></div>
            </div></body>"#
        ),
        expect![[r#"
            ---
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            Opponents said the cost had not been explained, and promised to challenge the vote in court.
            Work is due to start in the spring, the mayor said, and should take three years to finish. The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
        "#]],
    );
}

#[test]
fn a_page_wrapper_named_like_an_advert_is_not_pruned() {
    check(
        &format!(
            r#"<body><div class="ad-layout-wrapper"><div class="story"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></body>"#
        ),
        expect![[r#"
            ---
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            Opponents said the cost had not been explained, and promised to challenge the vote in court.
            Work is due to start in the spring, the mayor said, and should take three years to finish.
        "#]],
    );
}

#[test]
fn hidden_text_scripts_and_entities() {
    check(
        &format!(
            r#"<body><div class="content"><p>{P1}</p><script>var x = "<p>not text</p>";</script>
            <p style="display: none">Hidden teaser text that no reader ever sees on the page at all.</p>
            <p>Caf&eacute; owners &amp; residents wrote &lt;script&gt;alert(1)&lt;/script&gt; on the council&#8217;s forum, which is {P2}</p></div></body>"#
        ),
        expect![[r#"
            ---
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            Café owners & residents wrote <script>alert(1)</script> on the council’s forum, which is Opponents said the cost had not been explained, and promised to challenge the vote in court.
        "#]],
    );
}

#[test]
fn metadata_from_json_ld_graph_and_opengraph() {
    check(
        &format!(
            r#"<html><head><title>ignored | Site</title>
            <meta property="og:site_name" content="The Example Herald">
            <meta property="og:url" content="https://example.org/harbour">
            <script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
              {{"@type":"WebSite","name":"Herald"}},
              {{"@type":"NewsArticle","headline":"Harbour plan approved","datePublished":"2025-11-26T08:00:00+01:00",
                "author":[{{"@type":"Person","name":"Jane Roe"}},{{"@type":"Person","name":"John Doe"}}]}}]}}</script>
            </head><body><article><p>{P1}</p><p>{P2}</p></article></body></html>"#
        ),
        expect![[r#"
            title: Harbour plan approved
            site: The Example Herald
            author: Jane Roe, John Doe
            published: 2025-11-26T08:00:00+01:00
            url: https://example.org/harbour
            ---
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            Opponents said the cost had not been explained, and promised to challenge the vote in court.
        "#]],
    );
}

#[test]
fn legacy_charsets_are_decoded() {
    let mut bytes =
        b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 society \x96 "
            .to_vec();
    bytes.extend_from_slice(P1.as_bytes());
    bytes.extend_from_slice(b"</p></body></html>");
    let html = extract::decode(&bytes);
    assert!(html.contains("Café society – The council"), "{html}");
}

#[test]
fn garbage_does_not_panic() {
    for input in [
        "",
        "<",
        "<<<>>>",
        "</p></div>",
        "<div class=\"x",
        "<script>",
        "<!--",
        "\u{0}\u{1}<p>x",
    ] {
        let _ = extract::extract(input);
    }
    // Nesting deep enough to overflow a recursive walk is flattened.
    let deep = format!("{}<p>{P1}</p>", "<div>".repeat(50_000));
    assert!(extract::extract(&deep).text.contains("harbour plan"));
}

#[test]
fn soft_hyphens_ruby_readings_and_a_post_that_is_a_list_of_links() {
    // Soft hyphens are break hints, not text; ruby readings (<rt>) are not more text; a
    // post made only of links is still the page's content when nothing else is.
    check(
        "<html><body><div class=\"entry-content\"><p>Die Re&shy;gie\u{ad}rung hat am Diens&shy;tag \
         entschieden, dass die neue Brücke im Frühjahr gebaut wird, wie der Bürgermeister sagte.</p>\
         <p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字の読み方を学ぶ子どもたちが増えています。</p></div></body></html>",
        expect![[r#"
            ---
            Die Regierung hat am Dienstag entschieden, dass die neue Brücke im Frühjahr gebaut wird, wie der Bürgermeister sagte.
            漢字の読み方を学ぶ子どもたちが増えています。
        "#]],
    );
    check(
        "<html><body><div class=\"entry-content\"><ul>\
         <li><a href=\"/1\">Study doubts the value of state support for the press</a> via Example Wire</li>\
         <li><a href=\"/2\">Online abuse: blaming victims instead of helping them</a> via Example Post</li>\
         <li><a href=\"/3\">Why local newspapers close and what replaces them in small towns</a></li>\
         </ul></div></body></html>",
        expect![[r#"
            ---
            Study doubts the value of state support for the press via Example Wire
            Online abuse: blaming victims instead of helping them via Example Post
            Why local newspapers close and what replaces them in small towns
        "#]],
    );
}

#[test]
fn a_post_sent_as_a_markup_template_is_read_but_data_templates_are_not() {
    check(
        &format!(
            r##"<html><body><div class="post-body" itemprop="articleBody">
            <script type="text/template"><p>{P1}</p><p>{P2}</p><p>{P3}</p></script></div>
            <script type="text/template">{{"type":"Image","caption":"<p>A caption in data</p><p>Another</p>"}}</script>
            <script type="text/template"><div class="widget"><p>Hello {{{{name}}}}</p><p>You have {{{{count}}}} new messages in your inbox today.</p></div></script>
            </body></html>"##
        ),
        expect![[r#"
            ---
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            Opponents said the cost had not been explained, and promised to challenge the vote in court.
            Work is due to start in the spring, the mayor said, and should take three years to finish.
        "#]],
    );
}

#[test]
fn a_page_drawn_by_scripts_falls_back_to_its_json_ld_body() {
    // The markup holds only a picture caption; the article's JSON-LD carries the text.
    check(
        &format!(
            r##"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Harbour plan approved","articleBody":"{P1}\n\n{P2}\n\n{P3}"}}</script></head>
            <body><div id="app"><figure><figcaption>The harbour at dawn. Photo: Example</figcaption></figure></div></body></html>"##
        ),
        expect![[r#"
            title: Harbour plan approved
            ---
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            Opponents said the cost had not been explained, and promised to challenge the vote in court.
            Work is due to start in the spring, the mayor said, and should take three years to finish.
        "#]],
    );
}

#[test]
fn text_beside_pictures_in_article_components_is_one_text() {
    // Each picture-and-text block is an <article> of one class with text of its own: parts of
    // one page, not other stories.
    let block = |p: &str| {
        format!(
            r#"<section><article class="image-text"><img src="x.jpg"><div class="rich-block"><p>{p} {p}</p><p>{p}</p></div></article></section>"#
        )
    };
    check(
        &format!(
            "<html><body><main>{}{}{}</main></body></html>",
            block(P1),
            block(P2),
            block(P3)
        ),
        expect![[r#"
            ---
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night. The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            Opponents said the cost had not been explained, and promised to challenge the vote in court. Opponents said the cost had not been explained, and promised to challenge the vote in court.
            Opponents said the cost had not been explained, and promised to challenge the vote in court.
            Work is due to start in the spring, the mayor said, and should take three years to finish. Work is due to start in the spring, the mayor said, and should take three years to finish.
            Work is due to start in the spring, the mayor said, and should take three years to finish.
        "#]],
    );
}

#[test]
fn the_standfirst_is_reported_so_that_it_counts_as_a_summary() {
    check(
        &format!(
            r##"<html><body><article><header><h1>Harbour plan approved</h1>
            <h2 class="subtitle">Council backs the plan</h2>
            <div class="article-teaser">The council backed the harbour plan after a long night of debate; work on the new quay walls is due to start in the spring.</div></header>
            <div class="layout"><div class="article-body"><p>{P1} {P2}</p><p>{P2} {P3}</p><p>{P3} {P1}</p><p>{P1} {P3}</p></div>
            <aside class="related"><a href="/a">Another story with a long headline about something else</a></aside></div></article></body></html>"##
        ),
        expect![[r#"
            standfirst: The council backed the harbour plan after a long night of debate; work on the new quay walls is due to start in the spring.
            ---
            Council backs the plan
            The council backed the harbour plan after a long night of debate; work on the new quay walls is due to start in the spring.
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night. Opponents said the cost had not been explained, and promised to challenge the vote in court.
            Opponents said the cost had not been explained, and promised to challenge the vote in court. Work is due to start in the spring, the mayor said, and should take three years to finish.
            Work is due to start in the spring, the mayor said, and should take three years to finish. The council approved the harbour plan on Tuesday, after a debate that lasted most of the night.
            The council approved the harbour plan on Tuesday, after a debate that lasted most of the night. Work is due to start in the spring, the mayor said, and should take three years to finish.
        "#]],
    );
}
