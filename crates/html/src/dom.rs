//! A small, fast, forgiving HTML tokenizer and tree builder.
//!
//! Why hand-written: main-text extraction needs a tree, but not a spec-complete DOM.
//! html5ever (and `scraper` on top of it) builds one at a few tens of MB/s with an
//! allocation per node and per attribute, which alone would use up the speed budget
//! (10x trafilatura, >= ~100 MB of HTML per second on one core). This builder keeps
//! every node in one `Vec` (indices, not pointers: it drops without recursion),
//! stores text and attributes as byte ranges into the input (entities are decoded
//! only when a value is read), skips comments and raw text (`script`, `style`, ...)
//! with `memchr`, and applies the implied end tags that matter for text structure
//! (`p`, `li`, `dt`/`dd`, table parts, `option`, headings). Like Blink it caps the
//! tree depth ([`MAX_DEPTH`]), so every scan of the open-element stack is bounded and
//! a page nested 100,000 levels deep costs linear time.

use std::borrow::Cow;

use crate::entities;

/// "No node" in the link fields of [`Node`].
pub(crate) const NONE: u32 = u32::MAX;

/// Deepest element nesting the builder keeps; deeper start tags become siblings.
pub(crate) const MAX_DEPTH: usize = 512;

macro_rules! tags {
    ($($v:ident => $s:literal),* $(,)?) => {
        /// Element names the extractor looks at; all others are [`Tag::Other`].
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub(crate) enum Tag { Root, $($v,)* Other }
        impl Tag {
            fn from_lower(name: &[u8]) -> Tag {
                match name { $($s => Tag::$v,)* _ => Tag::Other }
            }
        }
    };
}

tags! {
    A => b"a", Abbr => b"abbr", Address => b"address", Applet => b"applet", Area => b"area",
    Article => b"article", Aside => b"aside", Audio => b"audio", B => b"b", Base => b"base",
    Blockquote => b"blockquote", Body => b"body", Br => b"br", Button => b"button",
    Canvas => b"canvas", Caption => b"caption", Center => b"center", Cite => b"cite",
    Code => b"code", Col => b"col", Colgroup => b"colgroup", Dd => b"dd", Del => b"del",
    Details => b"details", Dialog => b"dialog", Dir => b"dir", Div => b"div", Dl => b"dl",
    Dt => b"dt", Em => b"em", Embed => b"embed", Fieldset => b"fieldset",
    Figcaption => b"figcaption", Figure => b"figure", Font => b"font", Footer => b"footer",
    Form => b"form", Frame => b"frame", H1 => b"h1", H2 => b"h2", H3 => b"h3", H4 => b"h4",
    H5 => b"h5", H6 => b"h6", Head => b"head", Header => b"header", Hgroup => b"hgroup",
    Hr => b"hr", Html => b"html", I => b"i", Iframe => b"iframe", Img => b"img",
    Input => b"input", Ins => b"ins", Keygen => b"keygen", Label => b"label",
    Legend => b"legend", Li => b"li", Link => b"link", Main => b"main", Map => b"map",
    Mark => b"mark", Marquee => b"marquee", Math => b"math", Menu => b"menu", Meta => b"meta",
    Nav => b"nav", Noembed => b"noembed", Noframes => b"noframes", Noscript => b"noscript",
    Object => b"object", Ol => b"ol", Optgroup => b"optgroup", Option => b"option",
    Output => b"output", P => b"p", Param => b"param", Picture => b"picture",
    Plaintext => b"plaintext", Pre => b"pre", Q => b"q", S => b"s", Script => b"script",
    Section => b"section", Select => b"select", Small => b"small", Source => b"source",
    Span => b"span", Strong => b"strong", Style => b"style", Sub => b"sub",
    Summary => b"summary", Sup => b"sup", Svg => b"svg", Table => b"table", Tbody => b"tbody",
    Td => b"td", Template => b"template", Textarea => b"textarea", Tfoot => b"tfoot",
    Th => b"th", Thead => b"thead", Time => b"time", Title => b"title", Tr => b"tr",
    Track => b"track", U => b"u", Ul => b"ul", Video => b"video", Wbr => b"wbr", Xmp => b"xmp",
}

impl Tag {
    /// Elements that never have content.
    fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Br
                | Col
                | Embed
                | Hr
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
                | Frame
        )
    }

    /// Elements whose content is raw text up to the matching end tag.
    fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script | Style | Xmp | Iframe | Noembed | Noframes | Noscript | Textarea | Title
        )
    }

    /// Start tags that close an open `<p>`.
    fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Table
                | Ul
                | Li
                | Dd
                | Dt
                | Plaintext
        )
    }

    /// Elements that bound the search for an open element to close.
    fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Root | Html | Table | Td | Th | Caption | Template | Applet | Object | Marquee
        )
    }

    pub(crate) fn is_heading(self) -> bool {
        use Tag::*;
        matches!(self, H1 | H2 | H3 | H4 | H5 | H6)
    }
}

/// One node of the tree: an element or a run of text.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub next_sibling: u32,
    pub data: NodeData,
}

/// What a [`Node`] is.
#[derive(Debug, Clone)]
pub(crate) enum NodeData {
    Element {
        tag: Tag,
        /// Byte range of the name in the input (for [`Tag::Other`] matching).
        name: (usize, usize),
        /// Range into [`Document::attrs`].
        attrs: (u32, u32),
    },
    Text {
        start: usize,
        end: usize,
        /// Whether the text contains `&` and must be decoded.
        entity: bool,
    },
}

/// One attribute, as byte ranges into the input.
#[derive(Debug, Clone)]
pub(crate) struct Attr {
    name: (usize, usize),
    value: (usize, usize),
    entity: bool,
}

/// A parsed page: node 0 is the root.
pub(crate) struct Document<'a> {
    pub src: &'a str,
    pub nodes: Vec<Node>,
    attrs: Vec<Attr>,
}

impl<'a> Document<'a> {
    /// The tag of a node (`None` for text).
    #[inline]
    pub fn tag(&self, id: u32) -> Option<Tag> {
        match self.nodes[id as usize].data {
            NodeData::Element { tag, .. } => Some(tag),
            NodeData::Text { .. } => None,
        }
    }

    /// The value of an attribute, entity-decoded; names are matched case-insensitively.
    pub fn attr(&self, id: u32, name: &str) -> Option<Cow<'a, str>> {
        let NodeData::Element { attrs, .. } = self.nodes[id as usize].data else {
            return None;
        };
        self.attrs[attrs.0 as usize..attrs.1 as usize]
            .iter()
            .find(|a| self.src[a.name.0..a.name.1].eq_ignore_ascii_case(name))
            .map(|a| {
                let raw = &self.src[a.value.0..a.value.1];
                if a.entity {
                    Cow::Owned(decode_entities(raw))
                } else {
                    Cow::Borrowed(raw)
                }
            })
    }

    /// The raw (undecoded) value of an attribute.
    pub fn attr_raw(&self, id: u32, name: &str) -> Option<&'a str> {
        let NodeData::Element { attrs, .. } = self.nodes[id as usize].data else {
            return None;
        };
        self.attrs[attrs.0 as usize..attrs.1 as usize]
            .iter()
            .find(|a| self.src[a.name.0..a.name.1].eq_ignore_ascii_case(name))
            .map(|a| &self.src[a.value.0..a.value.1])
    }

    /// The raw text of a text node.
    pub fn raw_text(&self, id: u32) -> Option<&'a str> {
        match self.nodes[id as usize].data {
            NodeData::Text { start, end, .. } => Some(&self.src[start..end]),
            _ => None,
        }
    }

    /// Appends the decoded text of a text node to `out`.
    pub fn push_text(&self, id: u32, out: &mut String) {
        if let NodeData::Text { start, end, entity } = self.nodes[id as usize].data {
            let raw = &self.src[start..end];
            if entity {
                decode_into(raw, out);
            } else {
                out.push_str(raw);
            }
        }
    }

    /// The next node in document order after `id`'s subtree, within `root`'s subtree
    /// (`NONE` at the end). Iterative: walks up through parents.
    #[inline]
    pub fn next_skip_children(&self, mut id: u32, root: u32) -> u32 {
        loop {
            if id == root {
                return NONE;
            }
            let n = &self.nodes[id as usize];
            if n.next_sibling != NONE {
                return n.next_sibling;
            }
            id = n.parent;
        }
    }

    /// The next node in document order within `root`'s subtree.
    #[inline]
    pub fn next_in(&self, id: u32, root: u32) -> u32 {
        let fc = self.nodes[id as usize].first_child;
        if fc != NONE {
            fc
        } else {
            self.next_skip_children(id, root)
        }
    }

    /// All text of a subtree, decoded, whitespace collapsed.
    pub fn text_of(&self, root: u32) -> String {
        let mut out = String::new();
        let mut id = root;
        while id != NONE {
            self.push_text(id, &mut out);
            id = self.next_in(id, root);
        }
        collapse_ws(&out)
    }
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Decodes character references in `s`.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_into(s, &mut out);
    out
}

/// Windows-1252 meanings of numeric references 0x80..=0x9F, as browsers apply them.
const C1: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// Decodes character references in `s`, appending to `out`.
pub(crate) fn decode_into(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'&', &b[i..]) {
        let amp = i + off;
        i = amp + 1;
        if let Some((replacement, consumed)) = decode_one(&s[amp + 1..]) {
            out.push_str(&s[last..amp]);
            match replacement {
                Decoded::Char(c) => out.push(c),
                Decoded::Str(t) => out.push_str(t),
            }
            i = amp + 1 + consumed;
            last = i;
        }
    }
    out.push_str(&s[last..]);
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

/// Decodes the reference after an `&`; returns it and the bytes consumed.
fn decode_one(s: &str) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x') | Some(b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut end = start;
        let mut value: u32 = 0;
        while end < b.len() {
            let d = match (b[end] as char).to_digit(if hex { 16 } else { 10 }) {
                Some(d) => d,
                None => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            end += 1;
        }
        if end == start {
            return None;
        }
        if b.get(end) == Some(&b';') {
            end += 1;
        }
        let c = match value {
            0 => '\u{FFFD}',
            0x80..=0x9F => C1[(value - 0x80) as usize],
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some((Decoded::Char(c), end));
    }
    let mut end = 0;
    while end < b.len() && end < 32 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == 0 {
        return None;
    }
    let name = &s[..end];
    if b.get(end) == Some(&b';') {
        if let Ok(k) = entities::NAMED.binary_search_by(|(n, _)| n.cmp(&name)) {
            return Some((Decoded::Str(entities::NAMED[k].1), end + 1));
        }
    }
    // Legacy references without a semicolon: the longest known prefix.
    for len in (2..=end.min(6)).rev() {
        let prefix = &s[..len];
        if entities::LEGACY.binary_search(&prefix).is_ok() {
            if let Ok(k) = entities::NAMED.binary_search_by(|(n, _)| n.cmp(&prefix)) {
                return Some((Decoded::Str(entities::NAMED[k].1), len));
            }
        }
    }
    None
}

struct Builder<'a> {
    src: &'a str,
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    stack: Vec<u32>,
}

impl<'a> Builder<'a> {
    fn append(&mut self, data: NodeData) -> u32 {
        let parent = *self.stack.last().unwrap_or(&0);
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            data,
        });
        let p = &mut self.nodes[parent as usize];
        let last = p.last_child;
        p.last_child = id;
        if last == NONE {
            p.first_child = id;
        } else {
            self.nodes[last as usize].next_sibling = id;
        }
        id
    }

    fn top_tag(&self) -> Tag {
        match self.stack.last() {
            Some(&id) => match self.nodes[id as usize].data {
                NodeData::Element { tag, .. } => tag,
                _ => Tag::Other,
            },
            None => Tag::Root,
        }
    }

    fn tag_at(&self, depth: usize) -> Tag {
        match self.nodes[self.stack[depth] as usize].data {
            NodeData::Element { tag, .. } => tag,
            _ => Tag::Other,
        }
    }

    /// Pops up to and including the nearest open element matching `want`, searching
    /// no further than an element for which `stop` holds.
    fn close(&mut self, want: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) -> bool {
        for depth in (1..self.stack.len()).rev() {
            let t = self.tag_at(depth);
            if want(t) {
                self.stack.truncate(depth);
                return true;
            }
            if stop(t) {
                return false;
            }
        }
        false
    }

    fn start_tag(&mut self, tag: Tag, name: (usize, usize), attrs: (u32, u32), self_closing: bool) {
        use Tag::*;
        if tag.closes_p() {
            self.close(|t| t == P, |t| t.is_scope_boundary() || t == Button);
        }
        match tag {
            H1 | H2 | H3 | H4 | H5 | H6 if self.top_tag().is_heading() => {
                self.stack.pop();
            }
            Li => {
                self.close(
                    |t| t == Li,
                    |t| t.is_scope_boundary() || matches!(t, Ul | Ol | Menu | Dir),
                );
            }
            Dt | Dd => {
                self.close(
                    |t| matches!(t, Dt | Dd),
                    |t| t.is_scope_boundary() || t == Dl,
                );
            }
            Td | Th => {
                self.close(
                    |t| matches!(t, Td | Th),
                    |t| matches!(t, Tr | Table | Root | Html | Template),
                );
            }
            Tr => {
                self.close(
                    |t| t == Tr,
                    |t| matches!(t, Tbody | Thead | Tfoot | Table | Root | Html | Template),
                );
            }
            Tbody | Thead | Tfoot => {
                self.close(
                    |t| matches!(t, Tbody | Thead | Tfoot),
                    |t| matches!(t, Table | Root | Html | Template),
                );
            }
            Option | Optgroup if self.top_tag() == Option => {
                self.stack.pop();
            }
            A => {
                self.close(|t| t == A, |t| t.is_scope_boundary());
            }
            Body => {
                self.close(|t| t == Head, |t| t.is_scope_boundary());
            }
            _ => {}
        }
        let id = self.append(NodeData::Element { tag, name, attrs });
        if !tag.is_void() && !self_closing && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
    }

    fn end_tag(&mut self, tag: Tag, name: &str) {
        use Tag::*;
        match tag {
            Td | Th | Tr | Tbody | Thead | Tfoot | Table | Caption => {
                self.close(
                    |t| t == tag,
                    |t| matches!(t, Root | Html | Template) || (t == Table && tag != Table),
                );
            }
            Other => {
                let src = self.src;
                let nodes = &self.nodes;
                let stack = &self.stack;
                for depth in (1..stack.len()).rev() {
                    if let NodeData::Element {
                        tag: t, name: n, ..
                    } = nodes[stack[depth] as usize].data
                    {
                        if t == Other && src[n.0..n.1].eq_ignore_ascii_case(name) {
                            self.stack.truncate(depth);
                            return;
                        }
                        if t.is_scope_boundary() {
                            return;
                        }
                    }
                }
            }
            _ if tag.is_void() => {}
            _ => {
                self.close(|t| t == tag, |t| t.is_scope_boundary());
            }
        }
    }
}

#[inline]
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// Finds `</name` (case-insensitive) followed by whitespace, `/` or `>` from `from`.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let after = lt + 2 + name.len();
        if b.get(lt + 1) == Some(&b'/')
            && after <= b.len()
            && b[lt + 2..after].eq_ignore_ascii_case(name)
            && (after == b.len() || is_ws(b[after]) || b[after] == b'/' || b[after] == b'>')
        {
            return Some(lt);
        }
        i = lt + 1;
    }
    None
}

/// Parses HTML into a [`Document`]. Never fails: malformed markup is repaired or skipped.
pub(crate) fn parse(src: &str) -> Document<'_> {
    let b = src.as_bytes();
    let mut builder = Builder {
        src,
        nodes: Vec::with_capacity(src.len() / 40 + 16),
        attrs: Vec::with_capacity(src.len() / 60 + 16),
        stack: vec![0],
    };
    builder.nodes.push(Node {
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        data: NodeData::Element {
            tag: Tag::Root,
            name: (0, 0),
            attrs: (0, 0),
        },
    });
    let len = b.len();
    let mut i = 0;
    let mut text_start = 0;
    macro_rules! flush_text {
        ($end:expr) => {
            let end = $end;
            if end > text_start {
                let entity = memchr::memchr(b'&', &b[text_start..end]).is_some();
                builder.append(NodeData::Text {
                    start: text_start,
                    end,
                    entity,
                });
            }
        };
    }
    while i < len {
        let Some(off) = memchr::memchr(b'<', &b[i..]) else {
            break;
        };
        let lt = i + off;
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if next.is_ascii_alphabetic()
            || (next == b'/' && b.get(lt + 2).is_some_and(|c| c.is_ascii_alphabetic()))
        {
            flush_text!(lt);
            let end_tag = next == b'/';
            let name_start = if end_tag { lt + 2 } else { lt + 1 };
            let mut j = name_start;
            while j < len && !is_ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
                j += 1;
            }
            let name_end = j;
            let mut lower = [0u8; 12];
            let tag = if name_end - name_start <= lower.len() {
                for (k, &c) in b[name_start..name_end].iter().enumerate() {
                    lower[k] = c.to_ascii_lowercase();
                }
                Tag::from_lower(&lower[..name_end - name_start])
            } else {
                Tag::Other
            };
            // Attributes.
            let attr_start = builder.attrs.len() as u32;
            let mut self_closing = false;
            loop {
                while j < len && is_ws(b[j]) {
                    j += 1;
                }
                if j >= len {
                    break;
                }
                if b[j] == b'>' {
                    j += 1;
                    break;
                }
                if b[j] == b'/' {
                    j += 1;
                    if b.get(j) == Some(&b'>') {
                        self_closing = true;
                    }
                    continue;
                }
                let an_start = j;
                j += 1; // a name may start with '='
                while j < len && !is_ws(b[j]) && b[j] != b'/' && b[j] != b'>' && b[j] != b'=' {
                    j += 1;
                }
                let an_end = j;
                while j < len && is_ws(b[j]) {
                    j += 1;
                }
                let mut value = (j, j);
                if j < len && b[j] == b'=' {
                    j += 1;
                    while j < len && is_ws(b[j]) {
                        j += 1;
                    }
                    if j < len && (b[j] == b'"' || b[j] == b'\'') {
                        let q = b[j];
                        let vs = j + 1;
                        let ve = memchr::memchr(q, &b[vs..]).map_or(len, |o| vs + o);
                        value = (vs, ve);
                        j = (ve + 1).min(len);
                    } else {
                        let vs = j;
                        while j < len && !is_ws(b[j]) && b[j] != b'>' {
                            j += 1;
                        }
                        value = (vs, j);
                    }
                }
                if !end_tag {
                    let entity = memchr::memchr(b'&', &b[value.0..value.1]).is_some();
                    builder.attrs.push(Attr {
                        name: (an_start, an_end),
                        value,
                        entity,
                    });
                }
            }
            i = j;
            text_start = j;
            if end_tag {
                builder.end_tag(tag, &src[name_start..name_end]);
                continue;
            }
            let attrs = (attr_start, builder.attrs.len() as u32);
            if tag.is_raw_text() && !self_closing {
                builder.start_tag(tag, (name_start, name_end), attrs, false);
                let content_end = find_end_tag(b, i, &b[name_start..name_end]).unwrap_or(len);
                if content_end > i {
                    let entity = matches!(tag, Tag::Title | Tag::Textarea)
                        && memchr::memchr(b'&', &b[i..content_end]).is_some();
                    builder.append(NodeData::Text {
                        start: i,
                        end: content_end,
                        entity,
                    });
                }
                // Close the raw-text element (it was pushed unless the depth cap hit).
                let top = *builder.stack.last().unwrap_or(&0);
                if matches!(builder.nodes[top as usize].data, NodeData::Element { tag: t, .. } if t == tag)
                {
                    builder.stack.pop();
                }
                i = match memchr::memchr(b'>', &b[content_end.min(len)..]) {
                    Some(o) => content_end + o + 1,
                    None => len,
                };
                text_start = i;
            } else {
                builder.start_tag(tag, (name_start, name_end), attrs, self_closing);
            }
        } else if next == b'!' || next == b'?' || next == b'/' {
            flush_text!(lt);
            if b[lt + 1..].starts_with(b"!--") {
                i = match memchr::memmem::find(&b[lt + 4..], b"-->") {
                    Some(o) => lt + 4 + o + 3,
                    None => len,
                };
            } else if b[lt + 1..].starts_with(b"![CDATA[") {
                i = match memchr::memmem::find(&b[lt + 9..], b"]]>") {
                    Some(o) => lt + 9 + o + 3,
                    None => len,
                };
            } else {
                i = match memchr::memchr(b'>', &b[lt + 1..]) {
                    Some(o) => lt + 1 + o + 1,
                    None => len,
                };
            }
            text_start = i;
        } else {
            i = lt + 1; // a literal '<' in text
        }
    }
    flush_text!(len);
    Document {
        src,
        nodes: builder.nodes,
        attrs: builder.attrs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("a &amp; b &lt;&gt; &#39;x&#x27; &copy &nbsp;&hellip;&notit;"),
            "a & b <> 'x' \u{a9} \u{a0}\u{2026}\u{ac}it;"
        );
        assert_eq!(
            decode_entities("&#150; &#0; &#x110000; &unknown; &"),
            "\u{2013} \u{FFFD} \u{FFFD} &unknown; &"
        );
    }

    #[test]
    fn implied_end_tags() {
        let d = parse("<ul><li>a<li>b</ul><p>one<p>two<div>x</div>");
        let ps: Vec<_> = (0..d.nodes.len() as u32)
            .filter(|&i| d.tag(i) == Some(Tag::P))
            .collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(d.text_of(ps[0]), "one");
        assert_eq!(d.text_of(ps[1]), "two");
        let lis: Vec<_> = (0..d.nodes.len() as u32)
            .filter(|&i| d.tag(i) == Some(Tag::Li))
            .collect();
        assert_eq!(d.text_of(lis[0]), "a");
    }

    #[test]
    fn raw_text_and_attrs() {
        let d = parse(
            "<script>if (a<b) { x = '</div>' }</script><a HREF='/x?a=1&amp;b=2' class=big>t</a>",
        );
        let a = (0..d.nodes.len() as u32)
            .find(|&i| d.tag(i) == Some(Tag::A))
            .unwrap();
        assert_eq!(d.attr(a, "href").unwrap(), "/x?a=1&b=2");
        assert_eq!(d.attr(a, "class").unwrap(), "big");
        assert_eq!(d.text_of(a), "t");
    }
}
