//! The nouns every Triangulate stage shares.
//!
//! Flow: a reader turns bytes into [`RawDoc`]s (decoded text or HTML plus whatever
//! metadata the container carried: feed item, WARC headers, JSONL fields); extraction
//! turns a `RawDoc` into an [`Article`] (clean body text and its metadata). Later stages
//! annotate articles; the store keeps them.
#![forbid(unsafe_code)]

use serde::{Deserialize, Serialize};

mod annotation;
mod attribution;
mod event;
mod figure;
mod fnv;
mod timex;
pub use annotation::{Entity, EntityKind, EntityMention, Mention, MentionForm, Sentence, Span};
pub use attribution::{
    Attributions, CitedOutlet, Outlet, OutletEvidence, Provenance, Quote, QuoteKind, Source,
    SourceKind,
};
pub use event::{Event, EventDate, EventType, Modality, Participant, Place, Report};
pub use figure::{Approximation, Figure, FigureKind};
pub use fnv::{FnvHasher, FnvMap};
pub use timex::{
    Chronology, DateEvidence, Prediction, PredictionKind, PublicationDate, TimeFlag, TimeFlagKind,
    Timex, TimexKind,
};

/// What kind of content a [`RawDoc`] holds once its container has been opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Content {
    /// Plain text, as pasted or exported.
    Text,
    /// An HTML page (full or fragment) whose main text still has to be found.
    Html,
}

/// The container format an input was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Html,
    Rss,
    Atom,
    Warc,
    Jsonl,
}

impl InputFormat {
    /// Lower-case name as shown to users and stored.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Rss => "rss",
            InputFormat::Atom => "atom",
            InputFormat::Warc => "warc",
            InputFormat::Jsonl => "jsonl",
        }
    }
}

/// How a publication time was learned; shown next to the time so a reader can judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given by the user on the command line; wins over everything else.
    User,
    /// A field of the container: JSONL `published`, feed item date, WARC-Date.
    Container,
    /// A `<meta>` tag such as `article:published_time`.
    MetaTag,
    /// JSON-LD `datePublished`.
    JsonLd,
    /// A `<time datetime>` element.
    TimeElement,
    /// A date in the URL path (`/2025/07/10/`).
    Url,
    /// A date line or identifier in the text itself.
    Text,
}

/// A publication time and how it was known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// ISO 8601: a date (`2025-07-10`) or a date-time with offset (`2025-07-10T08:30:00+00:00`).
    pub value: String,
    pub source: DateSource,
}

/// Metadata a container or the user supplied before extraction; extraction fills gaps
/// from the document itself but never overrides these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hints {
    pub url: Option<String>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Published>,
    pub language: Option<String>,
    /// The feed an item came from (its URL or title).
    pub feed: Option<String>,
}

/// One document found in an input, decoded to text, before main-text extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// Names the input for messages: a path, `path#3` for the third item of a feed,
    /// WARC or JSONL file, or `-` for standard input.
    pub input: String,
    /// The container format the input was recognised as.
    pub format: InputFormat,
    /// Whether `body` is HTML or plain text.
    pub content: Content,
    /// The decoded document.
    pub body: String,
    /// The character encoding it was decoded from (`UTF-8`, `windows-1252`, `UTF-16LE`, ...).
    pub charset: String,
    pub hints: Hints,
}

/// A clean, stored news article: the unit every later stage works on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: [`article_id`] of `text`.
    pub id: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    /// Canonical URL when the page names one, else the URL it was fetched from.
    pub url: Option<String>,
    pub feed: Option<String>,
    pub published: Option<Published>,
    /// ISO 639-1 code (`en`), when the text is long enough to tell.
    pub language: Option<String>,
    /// Clean body text: paragraphs separated by one blank line.
    pub text: String,
    /// The input it was read from (see [`RawDoc::input`]).
    pub input: String,
    pub format: InputFormat,
    pub charset: String,
    /// Lines dropped from a plain-text article as boilerplate (share widgets, credits,
    /// reproduction notices), kept so a reader can check what was removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

/// Whitespace- and case-folded text: the form an article's identity is computed on, so
/// the same report with other line breaks, spacing or typographic quotes is one article.
pub fn normalize_for_id(text: &str) -> String {
    // Written into a buffer by index rather than pushed: this runs over every byte of
    // every article, and news text is mostly ASCII.
    let bytes = text.as_bytes();
    let mut out = vec![0u8; bytes.len() + 8];
    let mut w = 0;
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // Branch-free: white space in news text comes every few bytes, at no
            // pattern a branch predictor can learn.
            i += 1;
            let space = matches!(b, b' ' | b'\t'..=b'\r');
            out[w] = b' ';
            w += usize::from(pending_space & !space);
            out[w] = b.to_ascii_lowercase();
            w += usize::from(!space);
            pending_space = space & (w != 0);
            continue;
        }
        let c = text[i..].chars().next().expect("i is on a char boundary");
        i += c.len_utf8();
        if c.is_whitespace() {
            pending_space = w != 0;
            continue;
        }
        // A lowercase form can be longer than its capital ('İ' is 2 bytes, "i̇" 3): keep
        // room for this character and every byte still to come.
        let need = w + 16 + (bytes.len() - i);
        if out.len() < need {
            out.resize(need + need / 2, 0);
        }
        if pending_space {
            out[w] = b' ';
            w += 1;
            pending_space = false;
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            _ => c,
        };
        for lower in c.to_lowercase() {
            w += lower.encode_utf8(&mut out[w..]).len();
        }
    }
    out.truncate(w);
    String::from_utf8(out).expect("built from whole UTF-8 characters")
}

/// The article id: the first 16 hex digits of the BLAKE3 hash of [`normalize_for_id`].
pub fn article_id(text: &str) -> String {
    let hash = blake3::hash(normalize_for_id(text).as_bytes());
    hash.to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_spacing_case_and_typographic_quotes() {
        let a = article_id("Putin said \u{201C}no\u{201D}.\n\nTrump\u{2019}s deadline");
        let b = article_id("  putin said \"no\". trump's   deadline\n");
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn normal_form_folds_unicode_case_and_spaces() {
        assert_eq!(
            normalize_for_id("\u{feff} ПУТИН\u{00A0}\u{00A0}Сказал \u{2014} «Нет»\u{2003}"),
            "\u{feff} путин сказал - «нет»"
        );
        assert_eq!(normalize_for_id("İstanbul\tÉTÉ"), "i\u{307}stanbul été");
    }

    /// The plain definition: the fast version must agree with it on any text.
    fn reference(text: &str) -> String {
        text.split_whitespace()
            .map(|word| {
                word.chars()
                    .map(|c| match c {
                        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
                        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
                        '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
                        c => c,
                    })
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn fast_normal_form_agrees_with_the_definition() {
        let cases = [
            String::new(),
            "   \n\t ".into(),
            "İ".repeat(40) + &"Plain ASCII words, SHOUTED and spaced   out. ".repeat(3),
            "Ⱥ".repeat(30) + "x",
            "«Путин» — “сказал” ‘нет’ −5 \u{00A0}\u{2003} Ω K ﬃ ΣΑΣ\r\n".into(),
            "编者按：俄罗斯总统普京周一表示。 Done".into(),
            "a\u{0085}b\u{2028}c\u{000B}d".into(),
        ];
        for case in &cases {
            assert_eq!(normalize_for_id(case), reference(case), "{case:?}");
        }
    }

    #[test]
    fn different_texts_get_different_ids() {
        assert_ne!(
            article_id("Russia attacks Kyiv"),
            article_id("Russia attacked Kyiv")
        );
    }
}
