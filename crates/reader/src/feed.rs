//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds, parsed with feed-rs: one document per item.

use feed_rs::model::{Entry, FeedType};
use tri_model::{Content, DateSource, Hints, InputFormat, Published, RawDoc};

use crate::error::ReadError;
use crate::{read_capped, Docs, ReadOptions, Stream};

/// Reads a whole feed (at most [`ReadOptions::max_container_bytes`]) and yields its items
/// as `path#N`. An item's body is its `content:encoded` / Atom `content`, else its
/// `description` / `summary`.
pub(crate) fn read_feed(name: String, reader: Stream, opts: &ReadOptions) -> Docs {
    let bytes = match read_capped(reader, opts.max_container_bytes, &name) {
        Ok(bytes) => bytes,
        Err(e) => return Docs::one(Err(e)),
    };
    let feed = match feed_rs::parser::parse(&bytes[..]) {
        Ok(feed) => feed,
        Err(e) => {
            return Docs::one(Err(ReadError::Feed {
                input: name,
                reason: e.to_string(),
            }))
        }
    };
    let format = match feed.feed_type {
        FeedType::Atom => InputFormat::Atom,
        _ => InputFormat::Rss,
    };
    let charset = xml_declared_encoding(&bytes);
    let title = feed
        .title
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let language = feed.language;
    let max = opts.max_doc_bytes;
    if feed.entries.is_empty() {
        return Docs::one(Err(ReadError::Feed {
            input: name,
            reason: "the feed has no items".into(),
        }));
    }
    Docs::new(feed.entries.into_iter().enumerate().map(move |(i, entry)| {
        let input = format!("{name}#{}", i + 1);
        let mut doc = entry_doc(input, entry, format, title.clone(), language.clone(), max);
        if let Ok(doc) = &mut doc {
            doc.charset = charset.to_string();
        }
        doc
    }))
}

fn entry_doc(
    input: String,
    entry: Entry,
    format: InputFormat,
    feed_title: Option<String>,
    feed_language: Option<String>,
    max: u64,
) -> Result<RawDoc, ReadError> {
    let content = entry
        .content
        .and_then(|c| c.body)
        .filter(|b| !b.trim().is_empty());
    let body = match content.or_else(|| {
        entry
            .summary
            .map(|s| s.content)
            .filter(|s| !s.trim().is_empty())
    }) {
        Some(body) => body,
        None => {
            return Err(ReadError::Empty {
                input,
                what: "document",
            })
        }
    };
    if body.len() as u64 > max {
        return Err(ReadError::TooLarge { input, limit: max });
    }
    let kind = if crate::sniff::looks_like_html_fragment(&body) {
        Content::Html
    } else {
        Content::Text
    };
    let url = entry
        .links
        .iter()
        .find(|l| matches!(l.rel.as_deref(), None | Some("alternate")))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string());
    let names: Vec<String> = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref())
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let published = entry.published.or(entry.updated).map(|dt| Published {
        value: crate::date::utc_iso(&dt),
        source: DateSource::Container,
    });
    Ok(RawDoc {
        input,
        format,
        content: kind,
        body,
        charset: "UTF-8".to_string(),
        hints: Hints {
            url,
            title: entry
                .title
                .map(|t| t.content.trim().to_string())
                .filter(|t| !t.is_empty()),
            byline: (!names.is_empty()).then(|| names.join(", ")),
            outlet: feed_title.clone(),
            published,
            language: entry.language.or(feed_language),
            feed: feed_title,
        },
    })
}

/// The encoding an XML declaration names (feed-rs decodes with it), else UTF-8.
fn xml_declared_encoding(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(256)];
    let Some(end) = crate::sniff::find(head, b"?>") else {
        return "UTF-8";
    };
    let decl = String::from_utf8_lossy(&head[..end]).to_ascii_lowercase();
    let Some(at) = decl.find("encoding") else {
        return "UTF-8";
    };
    let value = decl[at + "encoding".len()..]
        .trim_start()
        .trim_start_matches('=')
        .trim_start();
    let value = value.trim_start_matches(['"', '\'']);
    let label = value.split(['"', '\'', ' ']).next().unwrap_or("");
    encoding_rs::Encoding::for_label(label.as_bytes()).map_or("UTF-8", |e| e.name())
}
