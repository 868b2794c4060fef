//! Main-text extraction from news HTML pages.
//!
//! Sits between the reader (which decodes bytes to an HTML string) and the article
//! builder: [`extract`] parses the page with the crate's own tolerant tree builder
//! (see `dom`: chosen over html5ever/scraper for speed, a flat node arena that drops
//! without recursion, and a depth cap), finds the article body (`content`) and reads
//! the metadata (`meta`: `<meta>`, JSON-LD, `<time>`, the URL).
#![forbid(unsafe_code)]

mod content;
mod dom;
mod entities;
mod meta;

/// What [`extract`] found in one HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Main body text, paragraphs separated by `"\n\n"`, without navigation, share
    /// widgets, comments, related links, cookie notices, captions or photo credits.
    pub text: String,
    /// Headline: `og:title`, JSON-LD `headline`, the first `<h1>` or `<title>`, with a
    /// trailing site name (`" | Outlet"`) removed.
    pub title: Option<String>,
    /// Author name(s): author `<meta>`, JSON-LD `author`, `rel=author` or `.byline`.
    pub byline: Option<String>,
    /// Publication name: `og:site_name`, JSON-LD `publisher.name` or `application-name`.
    pub outlet: Option<String>,
    /// Publication date (ISO 8601 date or date-time with offset) and where it was found.
    pub published: Option<tri_model::Published>,
    /// `<link rel=canonical>`, else `og:url`, else the URL passed to [`extract`].
    pub canonical_url: Option<String>,
    /// ISO 639-1 code (`"en"`) from `<html lang>` or a content-language `<meta>`.
    pub language: Option<String>,
}

/// Why [`extract`] found nothing to return. The caller names the input.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HtmlError {
    /// Neither the markup nor its JSON-LD holds any article text.
    #[error("no article text found in the HTML")]
    NoText,
}

/// Extracts the main text and metadata of an HTML page. `url` is where the page came
/// from, if known: it fills `canonical_url` when the page names none and gives a
/// fallback date when the path holds one (`/2025/07/10/`). Never panics on malformed
/// markup; runs in linear time and constant stack depth however deep the nesting.
pub fn extract(html: &str, url: Option<&str>) -> Result<Page, HtmlError> {
    let doc = dom::parse(html);
    let meta = meta::read(&doc, url);
    let mut text = content::main_text(&doc);
    if let Some(body) = meta.article_body.as_deref() {
        // JSON-LD articleBody is the publisher's own statement of the text: prefer it
        // when the markup gave (almost) nothing.
        if text.len() < body.len() / 4 {
            text = body.to_string();
        }
    }
    if text.trim().is_empty() {
        return Err(HtmlError::NoText);
    }
    Ok(Page {
        text,
        title: meta.title,
        byline: meta.byline,
        outlet: meta.outlet,
        published: meta.published,
        canonical_url: meta.canonical_url,
        language: meta.language,
    })
}
