//! A small, fast, lenient HTML parser: a tokenizer and a tree builder that follows the HTML rules that
//! matter for text (raw-text elements, void elements, implied end tags, mis-nested end tags).

use std::borrow::Cow;

pub type NodeId = u32;

/// One element or text node of the tree.
#[derive(Debug, Clone)]
pub struct Node {
    /// Lower-case tag name; empty for text nodes and the root.
    pub tag: Box<str>,
    pub parent: NodeId,
    pub children: Vec<NodeId>,
    /// Lower-case `class` and `id` joined by a space (elements only).
    pub class_id: Box<str>,
    /// The text of a text node, entities decoded.
    pub text: Box<str>,
    /// Attributes kept for metadata and hints: (name, value).
    pub attrs: Vec<(Box<str>, Box<str>)>,
}

impl Node {
    pub fn is_text(&self) -> bool {
        self.tag.is_empty() && !self.text.is_empty()
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| &**v)
    }
}

/// The parsed document: an arena of nodes, node 0 is the root.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
    /// Contents of `<script type="application/ld+json">` elements.
    pub json_ld: Vec<String>,
    /// The `<title>` text.
    pub title: Option<String>,
}

/// Attributes worth keeping on elements.
const KEPT_ATTRS: &[&str] = &[
    "href",
    "itemprop",
    "itemtype",
    "role",
    "hidden",
    "aria-hidden",
    "style",
    "property",
    "name",
    "content",
    "lang",
    "rel",
    "datetime",
    "type",
    "charset",
    "http-equiv",
];

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "command",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// The deepest element nesting kept; hostile pages nest far deeper.
pub const MAX_DEPTH: usize = 256;

struct Builder {
    nodes: Vec<Node>,
    stack: Vec<NodeId>,
    json_ld: Vec<String>,
    title: Option<String>,
}

fn new_node(tag: &str, parent: NodeId) -> Node {
    Node {
        tag: tag.into(),
        parent,
        children: Vec::new(),
        class_id: "".into(),
        text: "".into(),
        attrs: Vec::new(),
    }
}

impl Builder {
    fn current(&self) -> NodeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn push_child(&mut self, node: Node) -> NodeId {
        let id = self.nodes.len() as NodeId;
        let parent = node.parent;
        self.nodes.push(node);
        self.nodes[parent as usize].children.push(id);
        id
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let mut decoded: Cow<str> = if raw.contains('&') {
            htmlize::unescape(raw)
        } else {
            Cow::Borrowed(raw)
        };
        // Soft hyphens only say where a word may break: the text is the word without them.
        if decoded.contains('\u{ad}') {
            decoded = Cow::Owned(decoded.replace('\u{ad}', ""));
        }
        let parent = self.current();
        // Merge with a preceding text sibling.
        if let Some(&last) = self.nodes[parent as usize].children.last() {
            let n = &mut self.nodes[last as usize];
            if n.tag.is_empty() {
                let mut s = String::from(std::mem::take(&mut n.text));
                s.push_str(&decoded);
                n.text = s.into();
                return;
            }
        }
        let mut node = new_node("", parent);
        node.text = decoded.into();
        self.push_child(node);
    }

    fn in_scope(&self, tag: &str, stop: &[&str]) -> Option<usize> {
        for (i, &id) in self.stack.iter().enumerate().rev() {
            let t = &*self.nodes[id as usize].tag;
            if t == tag {
                return Some(i);
            }
            if stop.contains(&t) {
                return None;
            }
        }
        None
    }

    fn close_to(&mut self, depth: usize) {
        self.stack.truncate(depth);
    }

    fn start(&mut self, name: &str, attrs: Vec<(Box<str>, Box<str>)>, self_closing: bool) {
        // Content outside the head's own elements means the head has ended (`</head>` is optional).
        const HEAD_CONTENT: &[&str] = &[
            "meta", "link", "title", "style", "script", "noscript", "base", "template", "head",
        ];
        if !HEAD_CONTENT.contains(&name) {
            if let Some(i) = self.in_scope("head", &[]) {
                self.close_to(i);
            }
        }
        const SCOPE: &[&str] = &["table", "td", "th", "html", "body", "button", "object"];
        if CLOSES_P.contains(&name) {
            if let Some(i) = self.in_scope("p", SCOPE) {
                self.close_to(i);
            }
        }
        match name {
            "li" => {
                if let Some(i) = self.in_scope("li", &["ul", "ol", "table", "body"]) {
                    self.close_to(i);
                }
            }
            "dt" | "dd" => {
                for t in ["dt", "dd"] {
                    if let Some(i) = self.in_scope(t, &["dl", "table", "body"]) {
                        self.close_to(i);
                    }
                }
            }
            "tr" => {
                if let Some(i) = self.in_scope("tr", &["table"]) {
                    self.close_to(i);
                }
            }
            "td" | "th" => {
                for t in ["td", "th"] {
                    if let Some(i) = self.in_scope(t, &["tr", "table"]) {
                        self.close_to(i);
                    }
                }
            }
            "option" => {
                if let Some(i) = self.in_scope("option", &["select"]) {
                    self.close_to(i);
                }
            }
            "a" => {
                if let Some(i) = self.in_scope("a", SCOPE) {
                    self.close_to(i);
                }
            }
            _ => {}
        }
        let mut node = new_node(name, self.current());
        let mut class_id = String::new();
        for (k, v) in attrs {
            match &*k {
                "class" | "id" => {
                    if !class_id.is_empty() {
                        class_id.push(' ');
                    }
                    class_id.push_str(&v.to_ascii_lowercase());
                }
                _ => node.attrs.push((k, v)),
            }
        }
        node.class_id = class_id.into();
        let id = self.push_child(node);
        // Deeper nesting is flattened, which bounds every recursive walk over the tree.
        if !self_closing && !VOID.contains(&name) && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
    }

    fn end(&mut self, name: &str) {
        const BLOCK_SCOPE: &[&str] = &["table", "html", "body", "td", "th"];
        let stop: &[&str] = match name {
            "p" | "li" | "a" | "b" | "i" | "span" | "em" | "strong" | "font" => BLOCK_SCOPE,
            _ => &[],
        };
        if let Some(i) = self.in_scope(name, stop) {
            self.close_to(i);
        }
    }
}

fn parse_attrs(s: &str) -> Vec<(Box<str>, Box<str>)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        if start == i {
            break;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr::memchr(q, &b[vs..]).map_or(b.len(), |p| vs + p);
                value = &s[vs..ve];
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = &s[vs..i];
            }
        }
        if name == "class" || name == "id" || KEPT_ATTRS.contains(&name.as_str()) {
            let value: Cow<str> = if value.contains('&') {
                htmlize::unescape(value)
            } else {
                Cow::Borrowed(value)
            };
            out.push((name.into(), value.into()));
        }
    }
    out
}

/// A script element whose type says it holds HTML, and whose content is paragraphs of text
/// rather than a template with slots to fill in (`<%= %>`, `{{ }}`).
fn is_markup_template(attrs: &[(Box<str>, Box<str>)], content: &str) -> bool {
    let html_type = attrs.iter().any(|(k, v)| {
        &**k == "type"
            && matches!(
                v.to_ascii_lowercase().as_str(),
                "text/template" | "text/html" | "text/x-template"
            )
    });
    html_type
        && content.trim_start().starts_with('<')
        && memchr::memmem::find_iter(content.as_bytes(), b"<p").count() >= 2
        && !content.contains("<%")
        && !content.contains("{{")
        && !content.contains("${")
}

/// Finds `</name` (ASCII case-insensitive) from `from`; returns its byte offset.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let b = html.as_bytes();
    let mut i = from;
    while let Some(p) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + p;
        let tail = &b[at + 2..];
        if tail.len() >= name.len() && tail[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// Parses HTML. Never fails: whatever the input, a tree comes out.
pub fn parse(html: &str) -> Dom {
    let mut b = Builder {
        nodes: vec![new_node("#root", 0)],
        stack: Vec::new(),
        json_ld: Vec::new(),
        title: None,
    };
    let bytes = html.as_bytes();
    let mut i = 0;
    // Markup templates opened as `<div>`s, closed by their `</script>`.
    let mut open_templates = 0usize;
    while i < bytes.len() {
        let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|p| i + p) else {
            b.text(&html[i..]);
            break;
        };
        if lt > i {
            b.text(&html[i..lt]);
        }
        i = lt;
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if html[i..].starts_with("<!--") {
            i = memchr::memmem::find(&bytes[i + 4..], b"-->")
                .map_or(bytes.len(), |p| i + 4 + p + 3);
            continue;
        }
        if next == b'!' || next == b'?' {
            i = memchr::memchr(b'>', &bytes[i..]).map_or(bytes.len(), |p| i + p + 1);
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { i + 2 } else { i + 1 };
        let mut j = name_start;
        while j < bytes.len()
            && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-' || bytes[j] == b':')
        {
            j += 1;
        }
        if j == name_start || !bytes[name_start].is_ascii_alphabetic() {
            // A lone '<' in text.
            b.text("<");
            i += 1;
            continue;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        // The end of the tag, skipping '>' inside quoted attribute values.
        let mut k = j;
        let mut quote = 0u8;
        while k < bytes.len() {
            let c = bytes[k];
            if quote != 0 {
                if c == quote {
                    quote = 0;
                }
            } else if c == b'"' || c == b'\'' {
                // Only quotes that open an attribute value.
                if k > 0 && bytes[k - 1] == b'='
                    || bytes[k - 1].is_ascii_whitespace() && k > 1 && bytes[k - 2] == b'='
                {
                    quote = c;
                }
            } else if c == b'>' {
                break;
            }
            k += 1;
        }
        let tag_end = k.min(bytes.len());
        i = (tag_end + 1).min(bytes.len());
        if closing {
            if name == "script" && open_templates > 0 {
                open_templates -= 1;
                b.end("div");
            } else {
                b.end(&name);
            }
            continue;
        }
        let inner = &html[j..tag_end];
        let self_closing = inner.trim_end().ends_with('/');
        let attrs = parse_attrs(inner);
        // Raw text runs to its end tag; a self-closed one (`<title/>` in an SVG) or one never closed
        // does not swallow the rest of the page.
        let raw_end = if RAW_TEXT.contains(&name.as_str()) && !self_closing {
            find_end_tag(html, i, &name)
        } else {
            None
        };
        if let Some(end) = raw_end {
            let content = &html[i..end];
            // A template of page markup (`<script type="text/template">` holding paragraphs, as
            // some blog platforms send their posts) is read as markup, unless it is a template
            // language with slots to fill in.
            if name == "script" && is_markup_template(&attrs, content) {
                open_templates += 1;
                b.start("div", attrs, false);
                continue;
            }
            match name.as_str() {
                "title" if b.title.is_none() => {
                    let t = htmlize::unescape(content);
                    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !t.is_empty() {
                        b.title = Some(t);
                    }
                }
                "script"
                    if attrs.iter().any(|(k, v)| {
                        &**k == "type" && v.to_ascii_lowercase().contains("ld+json")
                    }) =>
                {
                    b.json_ld.push(content.to_string());
                }
                "textarea" => {
                    b.start(&name, attrs, false);
                    b.text(content);
                    b.end(&name);
                }
                _ => {}
            }
            i = memchr::memchr(b'>', &bytes[end..]).map_or(bytes.len(), |p| end + p + 1);
            continue;
        }
        // A raw-text element left open holds nothing: it must not adopt the rest of the page.
        let void = self_closing || RAW_TEXT.contains(&name.as_str());
        b.start(&name, attrs, void);
    }
    Dom {
        nodes: b.nodes,
        json_ld: b.json_ld,
        title: b.title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(dom: &Dom, id: NodeId, depth: usize, out: &mut String) {
        let n = &dom.nodes[id as usize];
        if n.tag.is_empty() {
            out.push_str(&format!("{}{:?}\n", "  ".repeat(depth), &*n.text));
        } else {
            out.push_str(&format!("{}<{}>\n", "  ".repeat(depth), n.tag));
        }
        for &c in &n.children {
            outline(dom, c, depth + 1, out);
        }
    }

    fn check(html: &str, expect: expect_test::Expect) {
        let dom = parse(html);
        let mut out = String::new();
        outline(&dom, 0, 0, &mut out);
        expect.assert_eq(&out);
    }

    #[test]
    fn implied_ends_raw_text_and_stray_tags() {
        check(
            "<div><p>One &amp; <b>two<p>Three</div><script>if (a<b) { x = '</div>' }</script><p>Four</span>x < y<svg><title/></svg><p>Five<iframe src=x><p>Six",
            expect_test::expect![[r#"
                <#root>
                  <div>
                    <p>
                      "One & "
                      <b>
                        "two"
                    <p>
                      "Three"
                  <p>
                    "Fourx < y"
                    <svg>
                      <title>
                  <p>
                    "Five"
                    <iframe>
                  <p>
                    "Six"
            "#]],
        );
    }
}
