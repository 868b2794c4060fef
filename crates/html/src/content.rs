//! Main-text selection: which part of a parsed page is the article body.
//!
//! Flow: every text run is charged to its nearest block element; blocks with enough
//! sentence-like text ("paragraphs") give a score to their container and, decaying,
//! to its ancestors. The best container (weighted by class/id hints and its link
//! density), plus siblings that look like more of the same article, is then written
//! out block by block, leaving out boilerplate inside it: elements with boilerplate
//! tags or class/id hints (share, related, comments, captions, newsletter, ...),
//! hidden elements, and link-heavy blocks. All passes run over the node arena in
//! index order (which is document order) or walk it iteratively.

use crate::dom::{Document, NodeData, Tag, NONE};

/// Skips the subtree in both scoring and output.
const SKIP: u8 = 1;
/// Inside an `<a>`.
const LINK: u8 = 2;

/// Tags whose content is never article text.
fn is_skip_tag(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Script
            | Style
            | Noscript
            | Template
            | Svg
            | Math
            | Iframe
            | Object
            | Embed
            | Canvas
            | Video
            | Audio
            | Button
            | Select
            | Input
            | Textarea
            | Nav
            | Aside
            | Footer
            | Figure
            | Figcaption
            | Picture
            | Img
            | Title
            | Meta
            | Link
            | Dialog
            | Label
            | Option
            | Map
            | Noembed
            | Noframes
            | Applet
            | Header
            | H1
            | Head
    )
}

/// Tags that start a new block of text.
fn is_block(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Root | Html
            | Body
            | P
            | Div
            | Section
            | Article
            | Main
            | Blockquote
            | Pre
            | Ul
            | Ol
            | Li
            | Dl
            | Dt
            | Dd
            | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | Table
            | Tr
            | Td
            | Th
            | Tbody
            | Thead
            | Tfoot
            | Caption
            | Header
            | Footer
            | Nav
            | Aside
            | Figure
            | Figcaption
            | Form
            | Fieldset
            | Address
            | Center
            | Details
            | Summary
            | Hr
            | Br
            | Hgroup
            | Menu
            | Dir
            | Legend
    )
}

/// Blocks that hold text themselves rather than contain paragraphs.
fn is_paragraph_tag(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        P | Pre | Li | Dd | Dt | H2 | H3 | H4 | H5 | H6 | Blockquote | Address | Th
    )
}

/// Substrings of class/id values that mark boilerplate.
const NEGATIVE: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "promo",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "cookie",
    "consent",
    "caption",
    "credit",
    "sidebar",
    "widget",
    "advert",
    "sponsor",
    "breadcrumb",
    "outbrain",
    "taboola",
    "recommend",
    "popular",
    "more-stories",
    "read-more",
    "readmore",
    "toolbar",
    "footer",
    "masthead",
    "popup",
    "modal",
    "disqus",
    "byline",
    "author-bio",
    "bio-",
    "tags",
    "tag-list",
    "taglist",
    "keywords",
    "pagination",
    "pager",
    "copyright",
    "print",
    "rating",
    "trending",
    "most-read",
    "mostread",
    "also-read",
    "see-also",
    "next-article",
    "prev-",
    "login",
    "paywall",
    "banner",
    "hidden",
    "nocontent",
    "skip",
    "overlay",
    "dateline",
    "timestamp",
    "share-",
    "follow",
    "donate",
    "infobox",
    "inline-ad",
    "ad-container",
    "adunit",
    "ad-slot",
    "dfp",
    "gpt-",
    "native-ad",
    "story-meta",
    "article-meta",
    "post-meta",
    "entry-meta",
    "menu",
    "nav",
    "header",
    "jump",
    "playlist",
    "video",
    "gallery",
    "slideshow",
    "carousel",
    "teaser",
    "headline",
    "title",
];

/// Whole words (split on space, `-`, `_`) of class/id values that mark boilerplate.
const NEGATIVE_WORDS: &[&str] = &[
    "ad", "ads", "meta", "aside", "extra", "hide", "date", "time", "author",
];

/// Substrings of class/id values that mark article text.
const POSITIVE: &[&str] = &[
    "article-body",
    "articlebody",
    "article__body",
    "article-content",
    "article_content",
    "articlecontent",
    "story-body",
    "storybody",
    "story-content",
    "story_body",
    "entry-content",
    "post-content",
    "postcontent",
    "post-body",
    "post_body",
    "body-text",
    "bodytext",
    "article-text",
    "articletext",
    "main-content",
    "maincontent",
    "content-body",
    "text-body",
    "article__content",
    "story__body",
    "article-copy",
    "paywall-content",
];

/// +1 for article hints, -1 for boilerplate hints, 0 otherwise.
fn class_hint(doc: &Document<'_>, id: u32) -> i8 {
    let class = doc.attr_raw(id, "class").unwrap_or("");
    let ident = doc.attr_raw(id, "id").unwrap_or("");
    let itemprop = doc.attr_raw(id, "itemprop").unwrap_or("");
    if itemprop.eq_ignore_ascii_case("articleBody") {
        return 1;
    }
    if class.is_empty() && ident.is_empty() {
        return 0;
    }
    let mut s = String::with_capacity(class.len() + ident.len() + 1);
    s.push_str(class);
    s.push(' ');
    s.push_str(ident);
    s.make_ascii_lowercase();
    if POSITIVE.iter().any(|p| s.contains(p)) {
        return 1;
    }
    if NEGATIVE.iter().any(|p| s.contains(p))
        || s.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| NEGATIVE_WORDS.contains(&w))
    {
        return -1;
    }
    0
}

fn is_hidden(doc: &Document<'_>, id: u32) -> bool {
    if doc.attr_raw(id, "hidden").is_some() {
        return true;
    }
    if doc
        .attr_raw(id, "aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = doc.attr_raw(id, "style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Per-node facts shared by the scoring and output passes.
struct Analysis {
    flags: Vec<u8>,
    hint: Vec<i8>,
    /// Visible text (non-whitespace bytes) in the subtree.
    text: Vec<u32>,
    /// Of which inside links.
    link: Vec<u32>,
}

fn count_text(s: &str) -> (u32, u32) {
    let mut n = 0u32;
    let mut commas = 0u32;
    for &b in s.as_bytes() {
        if !b.is_ascii_whitespace() {
            n += 1;
            if b == b',' {
                commas += 1;
            }
        }
    }
    (n, commas)
}

/// Chooses the article body of a parsed page and returns it as paragraphs separated
/// by blank lines (empty when nothing looks like an article).
pub(crate) fn main_text(doc: &Document<'_>) -> String {
    let n = doc.nodes.len();
    let mut a = Analysis {
        flags: vec![0; n],
        hint: vec![0; n],
        text: vec![0; n],
        link: vec![0; n],
    };
    let mut blk = vec![0u32; n];
    let mut own = vec![0u32; n];
    let mut own_link = vec![0u32; n];
    let mut commas = vec![0u32; n];
    let mut brs = vec![0u32; n];
    let mut neg_anc = vec![false; n];

    for i in 1..n {
        let p = doc.nodes[i].parent as usize;
        match doc.nodes[i].data {
            NodeData::Element { tag, .. } => {
                let mut f = a.flags[p];
                if f & SKIP == 0 && (is_skip_tag(tag) || is_hidden(doc, i as u32)) {
                    f |= SKIP;
                }
                if tag == Tag::A {
                    f |= LINK;
                }
                a.flags[i] = f;
                blk[i] = if is_block(tag) { i as u32 } else { blk[p] };
                if tag == Tag::Br {
                    brs[blk[p] as usize] += 1;
                }
                neg_anc[i] = neg_anc[p] || a.hint[p] < 0;
                if f & SKIP == 0 {
                    a.hint[i] = class_hint(doc, i as u32);
                }
            }
            NodeData::Text { start, end, .. } => {
                if a.flags[p] & SKIP != 0 {
                    continue;
                }
                let (len, c) = count_text(&doc.src[start..end]);
                let b = blk[p] as usize;
                own[b] += len;
                commas[b] += c;
                a.text[p] += len;
                if a.flags[p] & LINK != 0 {
                    own_link[b] += len;
                    a.link[p] += len;
                }
            }
        }
    }
    for i in (1..n).rev() {
        if a.flags[i] & SKIP == 0 {
            let p = doc.nodes[i].parent as usize;
            a.text[p] += a.text[i];
            a.link[p] += a.link[i];
        }
    }

    // Paragraph scores flow to containers.
    let mut score = vec![0f32; n];
    for b in 1..n {
        if own[b] < 25 || a.flags[b] & SKIP != 0 {
            continue;
        }
        let Some(tag) = doc.tag(b as u32) else {
            continue;
        };
        if own_link[b] * 2 > own[b] {
            continue;
        }
        // Text split by <br><br> counts as several paragraphs.
        let segments = 1.0 + brs[b] as f32 / 2.0;
        let s = segments + commas[b].min(30) as f32 + (own[b] as f32 / 100.0).min(3.0 * segments);
        let mut anc = if is_paragraph_tag(tag) {
            doc.nodes[b].parent
        } else {
            b as u32
        };
        let mut level = 0;
        while anc != NONE && anc != 0 && level < 5 {
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => 3.0 * l as f32,
            };
            score[anc as usize] += s / div;
            anc = doc.nodes[anc as usize].parent;
            level += 1;
        }
    }
    let final_score = |i: usize| -> f32 {
        let ld = if a.text[i] > 0 {
            a.link[i] as f32 / a.text[i] as f32
        } else {
            0.0
        };
        let inside_boilerplate = if neg_anc[i] { 0.25 } else { 1.0 };
        (score[i] + 25.0 * a.hint[i] as f32) * (1.0 - ld) * inside_boilerplate
    };
    let mut top = NONE;
    let mut best = 0f32;
    for (i, &sc) in score.iter().enumerate().skip(1) {
        if sc > 0.0 && a.flags[i] & SKIP == 0 {
            let f = final_score(i);
            if f > best {
                best = f;
                top = i as u32;
            }
        }
    }
    if top == NONE {
        // No paragraph anywhere (or none under a block): all visible text, filtered.
        let mut out = Writer::default();
        write_text(doc, &a, 0, a.text[0] / 2, &mut out);
        out.flush();
        return out.paragraphs.join("\n\n");
    }

    // The top candidate and siblings that look like more of the article.
    let mut parts = Vec::new();
    // A lone wrapper adds nothing: look at siblings where the article may continue.
    loop {
        let p = doc.nodes[top as usize].parent;
        if p == 0 || matches!(doc.tag(p), Some(Tag::Body | Tag::Html | Tag::Root)) {
            break;
        }
        if a.text[p as usize] as f32 > a.text[top as usize] as f32 {
            break;
        }
        top = p;
    }
    let parent = doc.nodes[top as usize].parent;
    let threshold = (best * 0.2).max(10.0);
    let top_class = doc.attr_raw(top, "class").filter(|c| !c.trim().is_empty());
    let mut c = doc.nodes[parent as usize].first_child;
    while c != NONE {
        let ci = c as usize;
        let include = c == top
            || (a.flags[ci] & SKIP == 0 && a.hint[ci] >= 0 && {
                let ld = if a.text[ci] > 0 {
                    a.link[ci] as f32 / a.text[ci] as f32
                } else {
                    1.0
                };
                let same_class = top_class.is_some() && doc.attr_raw(c, "class") == top_class;
                final_score(ci) >= threshold
                    || (same_class && a.text[ci] > 0 && ld < 0.3)
                    || (doc.tag(c) == Some(Tag::P) && a.text[ci] > 80 && ld < 0.25)
            });
        if include {
            parts.push(c);
        }
        c = doc.nodes[ci].next_sibling;
    }
    let keep_text = a.text[top as usize] / 2;
    let mut out = Writer::default();
    for root in parts {
        write_text(doc, &a, root, keep_text, &mut out);
    }
    out.flush();
    out.paragraphs.join("\n\n")
}

#[derive(Default)]
struct Writer {
    paragraphs: Vec<String>,
    buf: String,
    raw: String,
    chars: u32,
    link_chars: u32,
}

impl Writer {
    fn push(&mut self, text: &str, link: bool) {
        let mut pending = self.buf.ends_with(' ');
        for c in text.chars() {
            if c.is_whitespace() {
                pending = true;
            } else {
                if pending && !self.buf.is_empty() && !self.buf.ends_with(' ') {
                    self.buf.push(' ');
                }
                pending = false;
                self.buf.push(c);
                self.chars += 1;
                if link {
                    self.link_chars += 1;
                }
            }
        }
        if pending && !self.buf.is_empty() && !self.buf.ends_with(' ') {
            self.buf.push(' ');
        }
    }

    fn flush(&mut self) {
        let t = self.buf.trim();
        if !t.is_empty() && self.link_chars * 2 <= self.chars && !is_boilerplate_line(t) {
            self.paragraphs.push(t.to_string());
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
    }
}

/// Short posted/updated stamps, which are page furniture rather than text.
fn is_boilerplate_line(t: &str) -> bool {
    if t.len() < 80 {
        let lower = t.to_lowercase();
        for prefix in [
            "posted:",
            "updated:",
            "published:",
            "last updated",
            "posted on",
            "published on",
        ] {
            if lower.starts_with(prefix) {
                return true;
            }
        }
    }
    false
}

/// Writes the text of `root`'s subtree, block by block, leaving out boilerplate.
fn write_text(doc: &Document<'_>, a: &Analysis, root: u32, keep_text: u32, out: &mut Writer) {
    let mut id = root;
    loop {
        let i = id as usize;
        let mut descend = true;
        match doc.nodes[i].data {
            NodeData::Element { tag, .. } => {
                if a.flags[i] & SKIP != 0 || (a.hint[i] < 0 && a.text[i] <= keep_text) {
                    descend = false;
                } else if is_block(tag) {
                    out.flush();
                }
            }
            NodeData::Text { .. } => {
                let p = doc.nodes[i].parent as usize;
                if a.flags[p] & SKIP == 0 {
                    out.raw.clear();
                    let mut raw = std::mem::take(&mut out.raw);
                    doc.push_text(id, &mut raw);
                    out.push(&raw, a.flags[p] & LINK != 0);
                    out.raw = raw;
                }
            }
        }
        let fc = doc.nodes[i].first_child;
        if descend && fc != NONE {
            id = fc;
            continue;
        }
        // Leave `id` and every ancestor whose last child it was.
        loop {
            if let Some(tag) = doc.tag(id) {
                if is_block(tag) {
                    out.flush();
                }
            }
            if id == root {
                return;
            }
            let next = doc.nodes[id as usize].next_sibling;
            if next != NONE {
                id = next;
                break;
            }
            id = doc.nodes[id as usize].parent;
        }
    }
}
