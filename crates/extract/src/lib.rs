//! Main-content extraction from HTML pages: the article body as paragraphs, plus page metadata.
//!
//! A lenient parser (`dom`) builds a small tree; boilerplate subtrees are pruned by tag, visibility and
//! class/id; containers are scored by the running text they hold (Readability's idea, with link density
//! and class hints); the best container and its related siblings give the body.

pub mod dom;
mod meta;

use dom::{Dom, NodeId};
pub use meta::PageMeta;

/// What extraction found in one page.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The main content, one paragraph per line.
    pub text: String,
    pub meta: PageMeta,
    /// The standfirst found before the body and put at the head of `text` (its lines as they
    /// are there): a summary of the story, not separate evidence.
    pub lead: Option<String>,
}

/// Decodes page bytes: a byte-order mark, valid UTF-8, the `<meta charset>` (or http-equiv) in the
/// first kilobytes, else UTF-8 with replacement of invalid sequences.
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_with_bom_removal(bytes).0;
    }
    // Valid UTF-8 with non-ASCII text is UTF-8 whatever the page declares (re-encoded copies keep
    // their old declaration; legacy encodings almost never form valid UTF-8 by chance).
    if !bytes.is_ascii() {
        match std::str::from_utf8(bytes) {
            Ok(s) => return std::borrow::Cow::Borrowed(s),
            Err(_) => {
                // Mostly valid UTF-8 with a few broken sequences (a truncated copy, say).
                let lossy = String::from_utf8_lossy(bytes);
                let bad = lossy.matches('\u{FFFD}').count();
                let non_ascii = lossy.chars().filter(|c| !c.is_ascii()).count();
                if bad * 100 < non_ascii {
                    return lossy;
                }
            }
        }
    }
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let head_lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    // The first `charset=` inside a `<meta>` tag that names a known encoding (scripts carry their
    // own `charset` attributes).
    let label = memchr::memmem::find_iter(&head_lower, b"<meta").find_map(|m| {
        let tag_end = memchr::memchr(b'>', &head_lower[m..]).map_or(head_lower.len(), |e| m + e);
        let p = m + memchr::memmem::find(&head_lower[m..tag_end], b"charset=")?;
        let rest = &head[p + 8..tag_end];
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'))
            .unwrap_or(rest.len());
        encoding_rs::Encoding::for_label(&rest[..end])
    });
    match label {
        Some(enc) if enc != encoding_rs::UTF_8 => enc.decode_without_bom_handling(bytes).0,
        _ => String::from_utf8_lossy(bytes),
    }
}

/// Extracts the main content and metadata from a page.
pub fn extract(html: &str) -> Extracted {
    let dom = dom::parse(html);
    let meta = meta::read(&dom);
    // A dated page is a news report: its body is its best-scored part. Other pages (blogs,
    // product and service pages) take the whole marked-up article more readily.
    let semantic_gain = if meta.published.is_some() {
        SEMANTIC_GAIN_DATED
    } else {
        SEMANTIC_GAIN_UNDATED
    };
    // Like Readability: strict pruning first; when that leaves too little, relax it.
    let mut best = String::new();
    let mut lead = None;
    for level in [Level::Strict, Level::NoClassPruning, Level::Lenient] {
        let (text, standfirst) = Content::new(&dom, level, semantic_gain).body();
        if text.chars().count() >= MIN_BODY_CHARS {
            best = text;
            lead = standfirst;
            break;
        }
        if text.len() > best.len() {
            best = text;
            lead = standfirst;
        }
    }
    // Pages that draw their text with scripts often carry it whole in their JSON-LD: when the
    // markup gave little, and the article's `articleBody` is much longer, that is the text.
    let found = best.chars().count();
    if found < SHORT_BODY_CHARS {
        if let Some(body) = meta.body.as_deref() {
            let body = if body.contains('<') {
                fragment_text(body)
            } else {
                body.lines()
                    .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            if body.chars().count() >= (2 * found).max(MIN_BODY_CHARS) {
                best = body;
                lead = None;
            }
        }
    }
    // The standfirst counts only where it survived into the text.
    let lead = lead.filter(|l| !l.is_empty() && best.contains(l.as_str()));
    Extracted {
        text: best,
        meta,
        lead,
    }
}

/// A body shorter than this gives way to a much longer JSON-LD `articleBody`.
const SHORT_BODY_CHARS: usize = 600;

/// Climb to the parent when it has this much more paragraph text ...
const CLIMB_GAIN: f64 = 1.2;
/// ... and at most this share of other text.
const CLIMB_JUNK: f64 = 0.3;
const CLIMB_WRAPPERS: bool = false;
const P_LINK_LIMIT: f64 = 0.7;
const BLOCK_LINK_LIMIT: f64 = 0.5;
const COMMA_PER_CHARS: f64 = 40.0;
const LIST_HEADER_MIN_CHARS: u32 = 100;
const SEMANTIC_UP: usize = 6;
const SEMANTIC_GAIN_DATED: f64 = 1.3;
const SEMANTIC_GAIN_UNDATED: f64 = 1.05;
const SEMANTIC_LD: f64 = 0.25;
const TRIM_WORDS: usize = 4;
const TRIM_LEADING: bool = false;
const TRIM_TRAILING: bool = true;
const MERGE_SCORE: f64 = 0.3;
const MERGE_WITHIN: f64 = 2.5;
const MERGE_UP: usize = 8;

/// Shortest standfirst taken before the body (chosen on both benchmarks: Zyte's truth leaves
/// standfirsts out, trafilatura's keeps them).
const LEAD_CHARS: u32 = 120;

/// Paragraph text an `<article>` needs to count as a component of the page's text.
const COMPONENT_PARA: f64 = 200.0;

/// A body shorter than this sends extraction round again with less pruning.
const MIN_BODY_CHARS: usize = 250;

/// How much is pruned before scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Strict,
    NoClassPruning,
    Lenient,
}

/// The text of an HTML fragment (a feed item's content, say), one paragraph per line: every block
/// element ends a line; scripts, styles and other non-text elements are dropped.
pub fn fragment_text(html: &str) -> String {
    fn walk(dom: &Dom, id: NodeId, line: &mut String, out: &mut Vec<String>) {
        for &c in &dom.nodes[id as usize].children {
            let n = &dom.nodes[c as usize];
            if n.tag.is_empty() {
                line.push_str(&n.text);
            } else if !SKIP_TAGS.contains(&&*n.tag) || &*n.tag == "h1" || &*n.tag == "time" {
                let block = BLOCK_TAGS.contains(&&*n.tag);
                if block {
                    flush(line, out);
                }
                walk(dom, c, line, out);
                if block {
                    flush(line, out);
                }
            }
        }
    }
    let dom = dom::parse(html);
    let (mut line, mut out) = (String::new(), Vec::new());
    walk(&dom, 0, &mut line, &mut out);
    flush(&mut line, &mut out);
    out.join("\n")
}

/// Subtrees that never hold article text.
const SKIP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "button", "select",
    "option", "input", "textarea", "label", "dialog", "canvas", "video", "audio", "object",
    "embed", "map", "h1", "time", "picture",
    // Ruby annotations: the reading written above East Asian characters, not more text.
    "rt", "rp",
];

/// Subtrees that rarely hold article text; pruned unless that leaves too little.
const SOFT_SKIP_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "menu",
    "figure",
    "figcaption",
    "form",
];

/// Tags that end a paragraph of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "main",
    "center",
    "address",
    "body",
    "html",
    "caption",
    "tbody",
    "thead",
];

/// Class/id words of boilerplate containers (matched as whole words of the class/id string).
const NEGATIVE: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "recirc",
    "sidebar",
    "widget",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "banner",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adsense",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "popup",
    "modal",
    "tags",
    "tag",
    "byline",
    "author",
    "bio",
    "caption",
    "credit",
    "print",
    "toolbar",
    "pagination",
    "pager",
    "disqus",
    "outbrain",
    "taboola",
    "sponsor",
    "sponsored",
    "trending",
    "popular",
    "most",
    "more",
    "masthead",
    "header",
    "skip",
    "hidden",
    "visually",
    "sr",
    "dateline",
    "timestamp",
    "date",
    "meta",
    "rss",
    "login",
    "paywall",
    "teaser",
    "topics",
    "keywords",
    "next",
    "prev",
    "previous",
    "gallery",
    "slideshow",
    "video",
    "image",
    "img",
    "photo",
    "photos",
    "thumbnail",
    "thumb",
    "player",
    "facebook",
    "whatsapp",
    "email",
    "mail",
    "cta",
    "feedback",
    "rating",
    "poll",
    "tooltip",
    "overlay",
    "notice",
    "alert",
    "subnav",
    "topbar",
    "masthead",
    "copyright",
    "references",
    "reference",
    "footnotes",
    "bibliography",
    "citation",
    "citations",
    "legal",
    "disclaimer",
    "contact",
    "hide",
];

/// Class/id words of article bodies.
const POSITIVE: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "text",
    "story",
    "blog",
    "page",
    "news",
    "single",
    "prose",
    "rte",
    "richtext",
    "paragraph",
    "copy",
];

fn words(class_id: &str) -> impl Iterator<Item = &str> {
    class_id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Class/id weight: positive words add, negative words subtract.
fn class_weight(class_id: &str) -> f64 {
    let mut w: f64 = 0.0;
    let mut seen: Vec<&str> = Vec::new();
    for word in words(class_id) {
        if seen.contains(&word) {
            continue;
        }
        seen.push(word);
        if NEGATIVE.contains(&word) {
            w -= 25.0;
        } else if POSITIVE.contains(&word) {
            w += 25.0;
        }
    }
    w.clamp(-50.0, 50.0)
}

/// True when a class/id names boilerplate strongly enough to drop the subtree outright.
fn is_boilerplate_class(class_id: &str) -> bool {
    if class_id.is_empty() {
        return false;
    }
    let mut neg = 0;
    let mut pos = 0;
    for word in words(class_id) {
        if NEGATIVE.contains(&word) {
            neg += 1;
        } else if POSITIVE.contains(&word) {
            pos += 1;
        }
    }
    neg > 0 && pos == 0
}

/// Why a page came out as it did, for `eval explain`: whether the text node holding `needle` was
/// pruned (and by which element) or left outside the chosen container, and the best-scored containers.
pub fn explain(html: &str, needle: &str) -> Vec<String> {
    let dom = dom::parse(html);
    let c = Content::new(&dom, Level::Strict, SEMANTIC_GAIN_DATED);
    let mut out = Vec::new();
    if let Some(i) = (0..dom.nodes.len())
        .find(|&i| dom.nodes[i].tag.is_empty() && dom.nodes[i].text.contains(needle))
    {
        let anc = c.ancestors(i as NodeId);
        let skipped: Vec<String> = anc
            .iter()
            .filter(|&&a| c.skip[a as usize])
            .map(|&a| {
                format!(
                    "<{} {:?}>",
                    dom.nodes[a as usize].tag, dom.nodes[a as usize].class_id
                )
            })
            .collect();
        let top = c.top_candidate().map(|t| c.merge_cousins(t));
        out.push(format!(
            "needle skipped by: {:?}; inside chosen: {}",
            skipped.last(),
            top.is_some_and(|t| anc.contains(&t))
        ));
        if let Some(t) = top {
            out.push(format!(
                "chosen <{} {:?}> score {:.1}",
                dom.nodes[t as usize].tag, dom.nodes[t as usize].class_id, c.score[t as usize]
            ));
        }
    }
    let mut best: Vec<usize> = (1..dom.nodes.len())
        .filter(|&i| c.score[i] > 0.0 && !c.skip[i])
        .collect();
    best.sort_by(|&a, &b| c.score[b].total_cmp(&c.score[a]));
    for &i in best.iter().take(5) {
        let n = &dom.nodes[i];
        out.push(format!(
            "score {:.1} chars {} ld {:.2} <{} {:?}>",
            c.score[i],
            c.chars[i],
            c.link_density(i as NodeId),
            n.tag,
            n.class_id
        ));
    }
    out
}

struct Content<'d> {
    dom: &'d Dom,
    skip: Vec<bool>,
    /// Characters of text in the subtree (whitespace folded), and of text inside links.
    chars: Vec<u32>,
    link_chars: Vec<u32>,
    score: Vec<f64>,
    /// Characters of paragraph text (own text of paragraph-like elements, not link lists) in the subtree.
    para: Vec<f64>,
    /// How much more paragraph text a marked-up article body must hold to be preferred.
    semantic_gain: f64,
}

impl<'d> Content<'d> {
    fn new(dom: &'d Dom, level: Level, semantic_gain: f64) -> Content<'d> {
        let n = dom.nodes.len();
        let mut c = Content {
            dom,
            skip: vec![false; n],
            chars: vec![0; n],
            link_chars: vec![0; n],
            score: vec![0.0; n],
            para: vec![0.0; n],
            semantic_gain,
        };
        c.mark_skips(level, false);
        c.count(0, false);
        // Class names only prune subtrees that hold a minor part of the page's text: a page wrapper
        // whose class happens to name an advert or a sidebar is not boilerplate.
        if level == Level::Strict {
            c.mark_skips(level, true);
            c.count(0, false);
        }
        c.score_paragraphs();
        c
    }

    fn node(&self, id: NodeId) -> &dom::Node {
        &self.dom.nodes[id as usize]
    }

    fn mark_skips(&mut self, level: Level, by_class: bool) {
        let total = self.chars[0].max(1) as f64;
        // Nodes are in document order and parents come before children.
        for id in 1..self.dom.nodes.len() {
            let n = &self.dom.nodes[id];
            if self.skip[n.parent as usize] {
                self.skip[id] = true;
                continue;
            }
            if n.tag.is_empty() {
                continue;
            }
            let hidden = n.attr("hidden").is_some()
                || n.attr("aria-hidden") == Some("true")
                || n.attr("style").is_some_and(|s| {
                    let s = s.to_ascii_lowercase().replace(' ', "");
                    s.contains("display:none") || s.contains("visibility:hidden")
                });
            let role_nav = matches!(
                n.attr("role"),
                Some("navigation" | "complementary" | "banner" | "contentinfo" | "dialog" | "menu")
            );
            let article_body = n.attr("itemprop") == Some("articleBody");
            let text_block = matches!(
                &*n.tag,
                "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
            );
            let class_skip = by_class
                && !text_block
                && is_boilerplate_class(&n.class_id)
                && (self.chars[id] as f64) < total * 0.4;
            self.skip[id] = !article_body
                && (SKIP_TAGS.contains(&&*n.tag)
                    || hidden
                    || class_skip
                    || (level != Level::Lenient
                        && (role_nav || SOFT_SKIP_TAGS.contains(&&*n.tag))));
        }
    }

    fn count(&mut self, id: NodeId, in_link: bool) -> (u32, u32) {
        if self.skip[id as usize] {
            return (0, 0);
        }
        let n = &self.dom.nodes[id as usize];
        if n.tag.is_empty() {
            let c = text_chars(&n.text);
            return (c, if in_link { c } else { 0 });
        }
        let link = in_link || &*n.tag == "a";
        let (mut c, mut l) = (0, 0);
        for i in 0..self.dom.nodes[id as usize].children.len() {
            let child = self.dom.nodes[id as usize].children[i];
            let (cc, ll) = self.count(child, link);
            c += cc;
            l += ll;
        }
        self.chars[id as usize] = c;
        self.link_chars[id as usize] = l;
        (c, l)
    }

    fn link_density(&self, id: NodeId) -> f64 {
        let c = self.chars[id as usize];
        if c == 0 {
            0.0
        } else {
            self.link_chars[id as usize] as f64 / c as f64
        }
    }

    /// Readability's scoring: every paragraph gives points to its parent and grandparent.
    fn score_paragraphs(&mut self) {
        for id in 1..self.dom.nodes.len() {
            let n = &self.dom.nodes[id];
            if self.skip[id]
                || !matches!(
                    &*n.tag,
                    "p" | "pre" | "td" | "blockquote" | "li" | "div" | "section"
                )
            {
                continue;
            }
            // Only the text directly in this element (and its inline children) is its paragraph.
            let own: u32 = n
                .children
                .iter()
                .filter(|&&c| {
                    let cn = self.node(c);
                    !self.skip[c as usize] && (cn.tag.is_empty() || !BLOCK_TAGS.contains(&&*cn.tag))
                })
                .map(|&c| match self.node(c) {
                    cn if cn.tag.is_empty() => text_chars(&cn.text),
                    _ => self.chars[c as usize],
                })
                .sum();
            if own < 25 {
                continue;
            }
            let mut up = id as NodeId;
            while up != 0 {
                self.para[up as usize] += own as f64;
                up = self.dom.nodes[up as usize].parent;
            }
            // Commas that separate clauses (not decimal commas), capped so that lists of names
            // do not outscore prose.
            let text = self.inline_text(id as NodeId);
            let commas = (text.matches(", ").count() + text.matches(['，', '、']).count()) as f64;
            let commas = commas.min(own as f64 / COMMA_PER_CHARS);
            let points = 1.0 + commas + (own as f64 / 100.0).min(3.0);
            let mut parent = n.parent;
            for div in [1.0, 2.0, 3.0] {
                if parent == 0 {
                    break;
                }
                self.score[parent as usize] += points / div;
                parent = self.dom.nodes[parent as usize].parent;
            }
        }
        for id in 1..self.dom.nodes.len() {
            if self.score[id] > 0.0 {
                let n = &self.dom.nodes[id];
                // Class hints scale the score rather than add to it, so that a small box with a
                // promising class name cannot outscore the text itself.
                let weighted = self.score[id] * (1.0 + class_weight(&n.class_id) / 100.0);
                self.score[id] = weighted * (1.0 - self.link_density(id as NodeId));
                if n.attr("itemprop") == Some("articleBody") {
                    self.score[id] += 50.0;
                }
            }
        }
    }

    /// Direct text of an element including inline children (not nested blocks).
    fn inline_text(&self, id: NodeId) -> String {
        let mut s = String::new();
        for &c in &self.node(id).children {
            let cn = self.node(c);
            if self.skip[c as usize] {
                continue;
            }
            if cn.tag.is_empty() {
                s.push_str(&cn.text);
            } else if !BLOCK_TAGS.contains(&&*cn.tag) {
                s.push_str(&self.inline_text(c));
            }
        }
        s
    }

    fn top_candidate(&self) -> Option<NodeId> {
        (1..self.dom.nodes.len())
            .filter(|&i| !self.skip[i] && self.score[i] > 0.0)
            .max_by(|&a, &b| self.score[a].total_cmp(&self.score[b]))
            .map(|i| i as NodeId)
    }

    fn depth(&self, mut id: NodeId) -> usize {
        let mut d = 0;
        while id != 0 {
            id = self.node(id).parent;
            d += 1;
        }
        d
    }

    fn ancestors(&self, mut id: NodeId) -> Vec<NodeId> {
        let mut out = vec![id];
        while id != 0 {
            id = self.node(id).parent;
            out.push(id);
        }
        out
    }

    /// Whether element `d` is a standfirst: marked as one by its class, id or `itemprop`, a
    /// sentence or more of text with few links, and not a heading (a heading is a second title).
    fn is_lead(&self, d: NodeId) -> bool {
        const LEAD: &[&str] = &[
            "lead",
            "leadtext",
            "standfirst",
            "intro",
            "introduction",
            "teaser",
            "excerpt",
            "summary",
            "dek",
            "deck",
            "subtitle",
            "subheadline",
            "abstract",
            "description",
            "vorspann",
            "chapo",
            "chapeau",
            "entradilla",
            "bajada",
            "sommario",
        ];
        let n = self.node(d);
        let marked = words(&n.class_id).any(|w| LEAD.contains(&w.to_ascii_lowercase().as_str()))
            || n.attr("itemprop") == Some("description");
        marked
            && !matches!(&*n.tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            && !self.skip[d as usize]
            && (LEAD_CHARS..=800).contains(&self.chars[d as usize])
            && self.link_density(d) < 0.3
    }

    /// A standfirst before `top`, in one of its ancestors' earlier children (up to four levels
    /// up, within its story `bound`).
    fn lead_before(&self, top: NodeId, bound: Option<NodeId>) -> Option<NodeId> {
        let mut child = top;
        for _ in 0..4 {
            let parent = self.node(child).parent;
            if parent == 0 || self.skip[parent as usize] || Some(child) == bound {
                break;
            }
            for &sib in &self.node(parent).children {
                if sib >= child {
                    break;
                }
                let found = std::iter::once(sib)
                    .chain(self.descendants(sib))
                    .find(|&d| self.is_lead(d));
                if found.is_some() {
                    return found;
                }
            }
            child = parent;
        }
        None
    }

    /// The elements under `id`, in document order.
    fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.node(id).children.iter().rev().copied().collect();
        while let Some(d) = stack.pop() {
            if self.node(d).tag.is_empty() {
                continue;
            }
            out.push(d);
            stack.extend(self.node(d).children.iter().rev().copied());
        }
        out
    }

    /// The nearest `<article>` at or above a node: one story, whose bounds extraction keeps to.
    fn story_bound(&self, id: NodeId) -> Option<NodeId> {
        let bound = self
            .ancestors(id)
            .into_iter()
            .find(|&a| &*self.node(a).tag == "article")?;
        // Several <article>s of one class, each with text of its own and few links, are the
        // components of one page (text beside pictures), not other stories.
        let class = &self.node(bound).class_id;
        if class.is_empty() {
            return Some(bound);
        }
        let components = (1..self.dom.nodes.len())
            .filter(|&i| {
                let n = &self.dom.nodes[i];
                i as NodeId != bound
                    && &*n.tag == "article"
                    && n.class_id == *class
                    && !self.skip[i]
                    && self.para[i] >= COMPONENT_PARA
                    && self.link_density(i as NodeId) < 0.2
            })
            .count();
        (components == 0).then_some(bound)
    }

    /// True when the subtree holds an `<article>` element (another story, when we are in one).
    fn holds_article(&self, id: NodeId) -> bool {
        let n = self.node(id);
        &*n.tag == "article"
            || n.children
                .iter()
                .any(|&c| !self.node(c).tag.is_empty() && self.holds_article(c))
    }

    /// An ancestor marked up as the article body (`<article>`, `itemprop=articleBody`, or a class
    /// such as `entry-content`) that holds clearly more paragraph text than the chosen node is the
    /// better choice: the body is more than its best-scored part.
    fn semantic_body(&self, top: NodeId) -> NodeId {
        const KIND: &[&str] = &["article", "entry", "post", "story", "news"];
        const PART: &[&str] = &["body", "content", "text"];
        let mut id = top;
        for _ in 0..SEMANTIC_UP {
            id = self.node(id).parent;
            if id == 0 || self.skip[id as usize] {
                break;
            }
            let n = self.node(id);
            let class_says = words(&n.class_id).any(|w| KIND.contains(&w))
                && words(&n.class_id).any(|w| PART.contains(&w));
            let marked =
                &*n.tag == "article" || n.attr("itemprop") == Some("articleBody") || class_says;
            if marked
                && self.para[id as usize] >= self.para[top as usize] * self.semantic_gain
                && self.link_density(id) < SEMANTIC_LD
            {
                return id;
            }
        }
        top
    }

    /// Articles split into several containers (around ads, say) score as separate candidates: when a
    /// strong candidate sits close by in the tree, take their nearest common ancestor instead.
    fn merge_cousins(&self, top: NodeId) -> NodeId {
        let top_score = self.score[top as usize];
        let bound = self.story_bound(top);
        let mut best = top;
        let mut others: Vec<usize> = (1..self.dom.nodes.len())
            .filter(|&i| {
                !self.skip[i] && self.score[i] >= top_score * MERGE_SCORE && i != top as usize
            })
            .collect();
        others.sort_by(|&a, &b| self.score[b].total_cmp(&self.score[a]));
        for c in others.into_iter().take(8) {
            let c = c as NodeId;
            let mine = self.ancestors(best);
            let theirs = self.ancestors(c);
            if mine.contains(&c) || theirs.contains(&best) {
                continue;
            }
            let Some(&lca) = mine.iter().find(|a| theirs.contains(a)) else {
                continue;
            };
            if lca == 0 || self.skip[lca as usize] {
                continue;
            }
            // Inside a story, stay inside it.
            if bound.is_some_and(|b| !self.ancestors(lca).contains(&b)) {
                continue;
            }
            let up = self.depth(best) - self.depth(lca);
            let within = self.chars[lca as usize] as f64
                <= (self.chars[best as usize] + self.chars[c as usize]) as f64 * MERGE_WITHIN;
            if up <= MERGE_UP && within && self.link_density(lca) < 0.3 {
                best = lca;
            }
        }
        best
    }

    /// The main content text, and the standfirst's text when there is one.
    fn body(&self) -> (String, Option<String>) {
        let Some(top) = self.top_candidate() else {
            return (String::new(), None);
        };
        // Content assembled from several blocks: climb while the parent adds paragraph text and
        // little else.
        let mut top = top;
        loop {
            let parent = self.node(top).parent;
            if parent == 0
                || self.skip[parent as usize]
                || matches!(&*self.node(parent).tag, "body" | "html")
            {
                break;
            }
            let (p, t) = (parent as usize, top as usize);
            let gain = self.para[p] / self.para[t].max(1.0);
            let junk = 1.0 - self.para[p] / (self.chars[p].max(1) as f64);
            let wrapper = self.chars[p] as f64 <= self.chars[t] as f64 * 1.1;
            if (wrapper && CLIMB_WRAPPERS)
                || (gain >= CLIMB_GAIN && self.link_density(parent) < 0.3 && junk < CLIMB_JUNK)
            {
                top = parent;
            } else {
                break;
            }
        }
        let top = self.merge_cousins(top);
        let top = self.semantic_body(top);
        let threshold = (self.score[top as usize] * 0.2).max(10.0);
        // The story the content belongs to, found once: it bounds siblings, components and the
        // standfirst.
        let bound = self.story_bound(top);
        let in_story = bound.is_some();
        let parent = self.node(top).parent;
        let mut parts: Vec<NodeId> = Vec::new();
        for &sib in &self.node(parent).children {
            if self.skip[sib as usize] {
                continue;
            }
            if sib == top {
                parts.push(sib);
                continue;
            }
            let sn = self.node(sib);
            if in_story && self.holds_article(sib) {
                continue;
            }
            let same_class = !sn.class_id.is_empty() && sn.class_id == self.node(top).class_id;
            let good = self.score[sib as usize] >= threshold
                || (same_class && self.score[sib as usize] > 0.0)
                || (&*sn.tag == "p"
                    && self.chars[sib as usize] > 80
                    && self.link_density(sib) < 0.25);
            if good {
                parts.push(sib);
            }
        }
        // Text split into repeated components of one kind (same tag and class as the chosen one).
        let top_node = self.node(top);
        if !top_node.class_id.is_empty() {
            for i in 1..self.dom.nodes.len() {
                let n = &self.dom.nodes[i];
                let id = i as NodeId;
                if self.skip[i]
                    || n.tag != top_node.tag
                    || n.class_id != top_node.class_id
                    || parts.contains(&id)
                    || self.chars[i] == 0
                    || self.link_density(id) > 0.5
                {
                    continue;
                }
                let anc = self.ancestors(id);
                if parts
                    .iter()
                    .any(|p| anc.contains(p) || self.ancestors(*p).contains(&id))
                {
                    continue;
                }
                if bound.is_some_and(|b| !anc.contains(&b)) {
                    continue;
                }
                parts.push(id);
            }
            parts.sort_unstable();
        }
        // The standfirst: a short lead paragraph set apart before the body ("teaser", "intro",
        // "excerpt", `itemprop=description`), which the body's container does not hold.
        // Or one the chosen content opens with.
        let lead = match self.lead_before(top, bound) {
            Some(lead) if !parts.contains(&lead) => {
                parts.push(lead);
                parts.sort_unstable();
                Some(lead)
            }
            _ => parts.first().and_then(|&p| {
                std::iter::once(p)
                    .chain(self.descendants(p))
                    .take(12)
                    .find(|&d| self.is_lead(d))
            }),
        };
        let lead_text = lead.map(|lead| {
            let (mut line, mut lines) = (String::new(), Vec::new());
            self.emit(lead, &mut line, &mut lines, false);
            flush(&mut line, &mut lines);
            lines.join("\n")
        });
        let emit_all = |links: bool| {
            let mut out = Vec::new();
            for &p in &parts {
                let mut line = String::new();
                self.emit(p, &mut line, &mut out, links);
                flush(&mut line, &mut out);
            }
            out.retain(|l| !l.is_empty() && !is_stamp(l));
            out
        };
        // Blocks that are mostly links are dropped, unless that drops everything: a post
        // that is a list of links is still the page's content.
        let mut out = emit_all(false);
        if out.is_empty() {
            out = emit_all(true);
        }
        trim_edges(&mut out);
        (out.join("\n"), lead_text)
    }

    /// Appends the text of `id` to `line` and `out`, one block per line; blocks that are
    /// mostly links are left out unless `links`.
    fn emit(&self, id: NodeId, line: &mut String, out: &mut Vec<String>, links: bool) {
        if self.skip[id as usize] {
            return;
        }
        let n = self.node(id);
        if n.tag.is_empty() {
            line.push_str(&n.text);
            return;
        }
        let block = BLOCK_TAGS.contains(&&*n.tag);
        if block {
            flush(line, out);
            let limit = if &*n.tag == "p" {
                P_LINK_LIMIT
            } else {
                BLOCK_LINK_LIMIT
            };
            if !links && self.chars[id as usize] > 0 && self.link_density(id) > limit {
                // The label just before a dropped list of links is that list's header
                // ("More on this", "Related").
                if self.chars[id as usize] >= LIST_HEADER_MIN_CHARS
                    && out.last().is_some_and(|l| is_label(l))
                {
                    out.pop();
                }
                return;
            }
        }
        for &c in &n.children {
            self.emit(c, line, out, links);
        }
        if block {
            flush(line, out);
        }
    }
}

/// A short line that is only a date or time stamp, or a picture credit: "Updated 1:23 p.m.",
/// "20.11.2019 | 11:28", "© Example Photo".
fn is_stamp(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    if line.starts_with('©') || line.starts_with("(c) ") {
        return true;
    }
    let has_time = words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        let b = w.as_bytes();
        (b.len() == 4 || b.len() == 5)
            && matches!(b.get(b.len() - 3), Some(b':' | b'.'))
            && b.iter()
                .enumerate()
                .all(|(i, c)| c.is_ascii_digit() || i == b.len() - 3)
    });
    let has_date = words.iter().any(|w| {
        let parts: Vec<&str> = w
            .trim_matches(|c: char| !c.is_ascii_digit())
            .split(['.', '/', '-'])
            .collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit()))
    });
    let digits = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    (has_time || has_date)
        && digits * 3 >= words.len()
        && !line.trim_end().ends_with(['.', '!', '?'])
}

/// A line that is not running text: short, and not ending a sentence.
fn is_label(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    words <= TRIM_WORDS && !t.ends_with(['.', '!', '?', '…', '。'])
}

/// Labels before the first and after the last paragraph of running text are page furniture
/// (kickers, dates, "more on this" headers, share prompts).
fn trim_edges(lines: &mut Vec<String>) {
    if lines.iter().all(|l| is_label(l)) {
        return;
    }
    while TRIM_TRAILING && lines.last().is_some_and(|l| is_label(l)) {
        lines.pop();
    }
    let lead = lines.iter().take_while(|l| is_label(l)).count();
    if TRIM_LEADING {
        lines.drain(..lead);
    }
}

/// Characters of text with white space folded: each word and one space after it.
fn text_chars(text: &str) -> u32 {
    text.split_whitespace()
        .map(|w| w.chars().count() as u32 + 1)
        .sum()
}

fn flush(line: &mut String, out: &mut Vec<String>) {
    let folded = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if !folded.is_empty() {
        out.push(folded);
    }
    line.clear();
}
