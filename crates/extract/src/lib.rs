//! Extraction: one [`RawDoc`] in, one clean [`Article`] out.
//!
//! HTML goes through `tri-html`'s main-text extractor; plain text through
//! [`clean_plain_text`]. Metadata the container supplied (feed item, JSONL fields, the
//! user) wins; what the document says of itself fills the gaps. Pure: no I/O.
#![forbid(unsafe_code)]

mod language;
mod plaintext;
mod trigrams;

pub use language::{detect_language, normalize_language_tag};
pub use plaintext::{clean_plain_text, CleanText};

use tri_model::{article_id, Article, Content, RawDoc};

/// Why a document gave no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{input}: {source}")]
    Html {
        input: String,
        #[source]
        source: tri_html::HtmlError,
    },
    #[error("{input}: no article text (only {what})")]
    NoText { input: String, what: &'static str },
}

impl ExtractError {
    /// The input the error is about.
    pub fn input(&self) -> &str {
        match self {
            ExtractError::Html { input, .. } | ExtractError::NoText { input, .. } => input,
        }
    }
}

/// Extracts the article a document holds.
pub fn extract(raw: &RawDoc) -> Result<Article, ExtractError> {
    let hints = &raw.hints;
    let (text, title, byline, outlet, url, published, declared_language, removed) = match raw
        .content
    {
        Content::Html => {
            let page = tri_html::extract(&raw.body, hints.url.as_deref()).map_err(|source| {
                ExtractError::Html {
                    input: raw.input.clone(),
                    source,
                }
            })?;
            // The page's own furniture rules ran in tri-html; the plain-text pass
            // below only drops whole-line furniture an HTML extractor cannot see
            // (share-widget text, reproduction notices written as paragraphs).
            let cleaned = clean_body_lines(&page.text);
            (
                cleaned.text,
                page.title,
                page.byline,
                page.outlet.or(cleaned.outlet),
                page.canonical_url,
                page.published,
                page.language,
                cleaned.removed,
            )
        }
        Content::Text => {
            let c = clean_plain_text(&raw.body);
            (
                c.text, c.title, c.byline, c.outlet, c.url, None, None, c.removed,
            )
        }
    };
    if text.trim().is_empty() {
        return Err(ExtractError::NoText {
            input: raw.input.clone(),
            what: if removed.is_empty() {
                "white space"
            } else {
                "page furniture"
            },
        });
    }
    let language = hints
        .language
        .as_deref()
        .and_then(normalize_language_tag)
        .or_else(|| detect_language(&text))
        .or_else(|| {
            declared_language
                .as_deref()
                .and_then(normalize_language_tag)
        });
    Ok(Article {
        id: article_id(&text),
        title: hints.title.clone().or(title),
        byline: hints.byline.clone().or(byline),
        outlet: hints.outlet.clone().or(outlet),
        url: url.or_else(|| hints.url.clone()),
        feed: hints.feed.clone(),
        published: hints.published.clone().or(published),
        language,
        text,
        input: raw.input.clone(),
        format: raw.format,
        charset: raw.charset.clone(),
        removed,
    })
}

/// Whole-paragraph furniture removal for text an HTML extractor already isolated: the
/// same line rules as plain text, without the header/footer zoning (an HTML page's
/// title and byline come from its markup).
fn clean_body_lines(text: &str) -> CleanText {
    plaintext::clean_paragraphs(text)
}
