//! JSONL (one document object per line) and JSON files (one object or an array).
//!
//! Schema of a document object: `url`, `title`, `text` or `html` (one is required;
//! `text` wins when both are given), `published` (ISO 8601 or RFC 2822), `outlet`,
//! `byline` (or `author`), `language`. Other fields are ignored.

use std::io::{BufRead, BufReader, Read};

use serde::Deserialize;
use tri_model::{Content, DateSource, Hints, InputFormat, Published, RawDoc};

use crate::error::{from_io, ReadError};
use crate::{read_capped, Docs, ReadOptions, Stream};

#[derive(Debug, Deserialize)]
struct JsonDoc {
    url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    #[serde(alias = "author")]
    byline: Option<String>,
    language: Option<String>,
}

/// Whether a JSON input is one document (a pretty-printed object or an array) rather
/// than JSONL: it starts with `[`, or its first line is a lone `{`.
pub(crate) fn is_whole_json(head: &[u8]) -> bool {
    let t = crate::sniff::strip_utf8_bom(head).trim_ascii_start();
    if t.starts_with(b"[") {
        return true;
    }
    let first_line = t.split(|&b| b == b'\n').next().unwrap_or(t);
    first_line.trim_ascii() == b"{"
}

fn non_blank(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn to_raw_doc(input: String, doc: JsonDoc, opts: &ReadOptions) -> Result<RawDoc, ReadError> {
    let (body, content) = match (doc.text, doc.html) {
        (None, None) => {
            return Err(ReadError::Json {
                input,
                reason: "object has neither \"text\" nor \"html\"".into(),
            });
        }
        (text, html) => match (
            text.filter(|t| !t.trim().is_empty()),
            html.filter(|h| !h.trim().is_empty()),
        ) {
            (Some(text), _) => (text, Content::Text),
            (None, Some(html)) => (html, Content::Html),
            (None, None) => {
                return Err(ReadError::Empty {
                    input,
                    what: "document",
                })
            }
        },
    };
    if body.len() as u64 > opts.max_doc_bytes {
        return Err(ReadError::TooLarge {
            input,
            limit: opts.max_doc_bytes,
        });
    }
    let published = doc
        .published
        .as_deref()
        .and_then(crate::date::normalize_date)
        .map(|value| Published {
            value,
            source: DateSource::Container,
        });
    Ok(RawDoc {
        input,
        format: InputFormat::Jsonl,
        content,
        body,
        charset: "UTF-8".to_string(),
        hints: Hints {
            url: non_blank(doc.url),
            title: non_blank(doc.title),
            byline: non_blank(doc.byline),
            outlet: non_blank(doc.outlet),
            published,
            language: non_blank(doc.language),
            feed: None,
        },
    })
}

fn parse_doc(
    input: String,
    value: serde_json::Value,
    opts: &ReadOptions,
) -> Result<RawDoc, ReadError> {
    if !value.is_object() {
        return Err(ReadError::Json {
            input,
            reason: "expected an object".into(),
        });
    }
    match serde_json::from_value::<JsonDoc>(value) {
        Ok(doc) => to_raw_doc(input, doc, opts),
        Err(e) => Err(ReadError::Json {
            input,
            reason: e.to_string(),
        }),
    }
}

/// A whole JSON file: one object (named `path`) or an array of them (`path#N`).
pub(crate) fn read_json_document(name: String, reader: Stream, opts: &ReadOptions) -> Docs {
    let bytes = match read_capped(reader, opts.max_container_bytes, &name) {
        Ok(bytes) => bytes,
        Err(e) => return Docs::one(Err(e)),
    };
    let value: serde_json::Value =
        match serde_json::from_slice(crate::sniff::strip_utf8_bom(&bytes)) {
            Ok(value) => value,
            Err(e) => {
                return Docs::one(Err(ReadError::Json {
                    input: name,
                    reason: e.to_string(),
                }))
            }
        };
    let opts = opts.clone();
    match value {
        serde_json::Value::Array(items) => Docs::new(
            items
                .into_iter()
                .enumerate()
                .map(move |(i, item)| parse_doc(format!("{name}#{}", i + 1), item, &opts)),
        ),
        other => Docs::one(parse_doc(name, other, &opts)),
    }
}

/// JSONL, streamed line by line; documents are named `path:LINE`.
pub(crate) struct JsonlDocs {
    name: String,
    reader: BufReader<Stream>,
    opts: ReadOptions,
    line: u64,
    done: bool,
    buf: Vec<u8>,
}

impl JsonlDocs {
    pub(crate) fn new(name: String, reader: Stream, opts: ReadOptions) -> JsonlDocs {
        JsonlDocs {
            name,
            reader: BufReader::with_capacity(64 * 1024, reader),
            opts,
            line: 0,
            done: false,
            buf: Vec::new(),
        }
    }

    /// Skips the rest of an over-long line.
    fn skip_line(&mut self) -> std::io::Result<()> {
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                return Ok(());
            }
            if let Some(pos) = available.iter().position(|&b| b == b'\n') {
                self.reader.consume(pos + 1);
                return Ok(());
            }
            let n = available.len();
            self.reader.consume(n);
        }
    }
}

impl Iterator for JsonlDocs {
    type Item = Result<RawDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        // A line holds a document plus its JSON escaping and metadata.
        let limit = self
            .opts
            .max_doc_bytes
            .saturating_mul(2)
            .saturating_add(64 * 1024);
        while !self.done {
            self.line += 1;
            let input = format!("{}:{}", self.name, self.line);
            self.buf.clear();
            let n = match (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf)
            {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Err(from_io(&input, &e)));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            if n as u64 >= limit && self.buf.last() != Some(&b'\n') {
                if let Err(e) = self.skip_line() {
                    self.done = true;
                    return Some(Err(from_io(&input, &e)));
                }
                return Some(Err(ReadError::TooLarge {
                    input,
                    limit: self.opts.max_doc_bytes,
                }));
            }
            let line = if self.line == 1 {
                crate::sniff::strip_utf8_bom(&self.buf)
            } else {
                &self.buf[..]
            };
            if line.trim_ascii().is_empty() {
                continue;
            }
            return Some(match serde_json::from_slice::<serde_json::Value>(line) {
                Ok(value) => parse_doc(input, value, &self.opts),
                Err(e) => Err(ReadError::Json {
                    input,
                    reason: e.to_string(),
                }),
            });
        }
        None
    }
}
