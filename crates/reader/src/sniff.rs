//! Recognising a format from the first bytes of an input, whatever its name says.

use tri_model::InputFormat;

/// What the first bytes of an input look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    /// Nothing but whitespace (or nothing at all).
    Empty,
    /// A gzip stream (magic `1f 8b`): decompress and sniff again.
    Gzip,
    /// Not text: the string says what it looks like (`PNG image`, `NUL bytes`, ...).
    Binary(String),
    /// A format this crate reads.
    Format(InputFormat),
}

/// How many leading bytes [`sniff`] looks at; giving it more does no harm.
pub const SNIFF_LEN: usize = 8192;

/// Recognises an input from its first bytes (at least the first [`SNIFF_LEN`] where the
/// input is that long): gzip by its magic, WARC by `WARC/1.`, JSONL by a leading `{` or
/// `[{`, RSS/RDF/Atom by the root element, HTML by a doctype, `<html>`, `<head>`,
/// `<body>` or many common tags, binary by signatures and NUL/control bytes; anything
/// else is text. A UTF-16 byte-order mark means text or HTML.
pub fn sniff(head: &[u8]) -> Sniffed {
    let head = &head[..head.len().min(SNIFF_LEN)];
    if head.starts_with(&[0x1f, 0x8b]) {
        return Sniffed::Gzip;
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(head) {
        if enc != encoding_rs::UTF_8 {
            let (text, _) = enc.decode_without_bom_handling(&head[bom_len..]);
            return if text.trim().is_empty() {
                Sniffed::Empty
            } else if looks_like_html_document(text.as_bytes()) {
                Sniffed::Format(InputFormat::Html)
            } else {
                Sniffed::Format(InputFormat::Text)
            };
        }
    }
    let body = strip_utf8_bom(head);
    let trimmed = body.trim_ascii_start();
    if trimmed.is_empty() {
        return Sniffed::Empty;
    }
    if trimmed.starts_with(b"WARC/1.") || trimmed.starts_with(b"WARC/0.") {
        return Sniffed::Format(InputFormat::Warc);
    }
    if let Some(what) = binary_signature_of(head) {
        return Sniffed::Binary(what.to_string());
    }
    if utf16_without_bom(head).is_none() {
        if let Some(what) = binary_content(head) {
            return Sniffed::Binary(what.to_string());
        }
    } else {
        return Sniffed::Format(InputFormat::Text);
    }
    if looks_like_json(trimmed) {
        return Sniffed::Format(InputFormat::Jsonl);
    }
    if let Some(feed) = feed_root(trimmed) {
        return Sniffed::Format(feed);
    }
    if looks_like_html_document(trimmed) {
        return Sniffed::Format(InputFormat::Html);
    }
    Sniffed::Format(InputFormat::Text)
}

pub(crate) fn strip_utf8_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn looks_like_json(t: &[u8]) -> bool {
    match t.first() {
        Some(b'{') => matches!(
            t[1..].trim_ascii_start().first(),
            Some(b'"') | Some(b'}') | None
        ),
        Some(b'[') => matches!(
            t[1..].trim_ascii_start().first(),
            Some(b'{') | Some(b']') | None
        ),
        _ => false,
    }
}

/// A known binary file signature.
pub(crate) fn binary_signature_of(head: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7FELF", "ELF executable"),
        (b"\x28\xB5\x2F\xFD", "zstd-compressed data (unsupported)"),
        (b"\xFD7zXZ\x00", "xz-compressed data (unsupported)"),
        (b"BZh", "bzip2-compressed data (unsupported)"),
        (b"7z\xBC\xAF\x27\x1C", "7-zip archive"),
        (b"RIFF", "RIFF media file"),
        (b"SQLite format 3\x00", "SQLite database"),
    ];
    for (magic, what) in SIGNATURES {
        if head.starts_with(magic) {
            // "BZh" and "RIFF" could begin a text; require the rest of their header.
            if *magic == b"BZh"
                && !(head.len() > 9 && head[3].is_ascii_digit() && &head[4..10] == b"1AY&SY")
            {
                continue;
            }
            if *magic == b"RIFF" && !head.get(4..8).is_some_and(|s| s.iter().any(|&b| b < 0x20)) {
                continue;
            }
            return Some(what);
        }
    }
    None
}

/// NUL bytes, or many control bytes, in content without a UTF-16 byte-order mark.
pub(crate) fn binary_content(head: &[u8]) -> Option<&'static str> {
    if head.contains(&0) {
        return Some("NUL bytes");
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F)
        .count();
    if controls > 8 && controls * 20 > head.len() {
        return Some("control bytes");
    }
    None
}

/// UTF-16 without a byte-order mark: NUL bytes all on one side of each pair, on most
/// pairs. Returns the encoding.
pub(crate) fn utf16_without_bom(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let n = head.len() / 2 * 2;
    if n < 8 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head[..n].chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = n / 2;
    if even == 0 && odd * 10 >= pairs * 6 {
        Some(encoding_rs::UTF_16LE)
    } else if odd == 0 && even * 10 >= pairs * 6 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The first element's name after any XML declaration, comments, processing
/// instructions and doctype, lower-cased.
fn first_element(t: &[u8]) -> Option<String> {
    let mut rest = t;
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<?") {
            rest = &rest[find(rest, b"?>")? + 2..];
        } else if rest.starts_with(b"<!--") {
            rest = &rest[find(rest, b"-->")? + 3..];
        } else if rest.starts_with(b"<!") {
            let lower = rest[..rest.len().min(20)].to_ascii_lowercase();
            if lower.starts_with(b"<!doctype html") {
                return Some("html".into());
            }
            rest = &rest[find(rest, b">")? + 1..];
        } else if rest.starts_with(b"<") {
            let name: Vec<u8> = rest[1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'-' | b'_'))
                .copied()
                .collect();
            return (!name.is_empty()).then(|| String::from_utf8_lossy(&name).to_ascii_lowercase());
        } else {
            return None;
        }
    }
}

fn feed_root(t: &[u8]) -> Option<InputFormat> {
    match first_element(t)?.as_str() {
        "rss" | "rdf:rdf" | "rdf" => Some(InputFormat::Rss),
        "feed" => Some(InputFormat::Atom),
        _ => None,
    }
}

/// A whole HTML page or a fragment: a doctype, `<html>`, `<head>` or `<body>` first, or
/// several common tags near the start.
pub(crate) fn looks_like_html_document(t: &[u8]) -> bool {
    let t = strip_utf8_bom(t).trim_ascii_start();
    if let Some(name) = first_element(t) {
        if matches!(
            name.as_str(),
            "html" | "head" | "body" | "meta" | "title" | "link" | "script" | "style"
        ) {
            return true;
        }
    }
    let window = &t[..t.len().min(4096)];
    html_tag_count(window) >= 3
}

/// Counts opening or closing tags of common HTML elements.
fn html_tag_count(bytes: &[u8]) -> usize {
    const TAGS: &[&[u8]] = &[
        b"p",
        b"div",
        b"br",
        b"a",
        b"span",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"ul",
        b"ol",
        b"li",
        b"table",
        b"tr",
        b"td",
        b"img",
        b"em",
        b"strong",
        b"b",
        b"i",
        b"article",
        b"section",
        b"header",
        b"footer",
        b"nav",
        b"blockquote",
        b"figure",
        b"html",
        b"head",
        b"body",
        b"meta",
        b"title",
    ];
    let mut count = 0;
    let mut i = 0;
    while let Some(pos) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + pos + 1;
        let s = &bytes[start..];
        let s = s.strip_prefix(b"/").unwrap_or(s);
        let name_len = s.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let after = s.get(name_len).copied();
        if name_len > 0
            && matches!(
                after,
                Some(b'>') | Some(b' ') | Some(b'/') | Some(b'\n') | Some(b'\t')
            )
        {
            let name = s[..name_len].to_ascii_lowercase();
            if TAGS.contains(&name.as_slice()) {
                count += 1;
            }
        }
        i = start;
    }
    count
}

/// Whether a feed item's or field's content is HTML rather than plain text.
pub(crate) fn looks_like_html_fragment(s: &str) -> bool {
    html_tag_count(s.as_bytes()) >= 1
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
