//! WARC 1.0/1.1, streamed record by record.
//!
//! `response` records holding a 2xx HTTP response with an HTML or plain-text payload
//! (or no declared type, then sniffed), and `resource` records of those types, become
//! documents; other records (`warcinfo`, `request`, `metadata`, redirects, images, ...)
//! and empty or binary payloads are skipped silently. The crawl date (`WARC-Date`) is
//! not a publication date and is not used. Records are named `path#N`, N counting every
//! record of the file from 1.

use std::io::{self, BufRead, BufReader, Read};

use tri_model::{Content, Hints, InputFormat, RawDoc};

use crate::decode::{charset_param, decode_document};
use crate::error::{from_io, ReadError};
use crate::{ReadOptions, Stream};

/// The longest header line accepted.
const MAX_LINE: u64 = 64 * 1024;
/// The most header lines in one record.
const MAX_HEADERS: usize = 1000;
/// Room for HTTP headers on top of the document limit.
const HTTP_HEADER_ROOM: u64 = 256 * 1024;

/// What reading one record gave.
enum Step {
    Doc(Box<RawDoc>),
    /// Not a document; go on.
    Skip,
    /// An error about this record; go on.
    Error(ReadError),
    /// An error after which the stream cannot be followed; stop.
    Fatal(ReadError),
    End,
}

/// The documents of a WARC stream.
pub(crate) struct WarcDocs {
    name: String,
    reader: BufReader<Stream>,
    opts: ReadOptions,
    /// Records started so far.
    record: u64,
    /// Bytes consumed so far from the (decompressed) stream.
    offset: u64,
    done: bool,
}

impl WarcDocs {
    pub(crate) fn new(name: String, reader: Stream, opts: ReadOptions) -> WarcDocs {
        WarcDocs {
            name,
            reader: BufReader::with_capacity(256 * 1024, reader),
            opts,
            record: 0,
            offset: 0,
            done: false,
        }
    }

    fn record_name(&self) -> String {
        format!("{}#{}", self.name, self.record.max(1))
    }

    /// Reads one line, `\n` included; `None` at the end of the stream.
    fn read_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<()>> {
        buf.clear();
        let n = (&mut self.reader).take(MAX_LINE).read_until(b'\n', buf)?;
        self.offset += n as u64;
        Ok((n > 0).then_some(()))
    }

    fn next_record(&mut self) -> Step {
        match self.try_next_record() {
            Ok(step) => step,
            Err(e) => Step::Fatal(from_io(&self.record_name(), &e)),
        }
    }

    fn try_next_record(&mut self) -> io::Result<Step> {
        let mut line = Vec::new();
        // Blank lines separate records.
        let start = loop {
            let start = self.offset;
            if self.read_line(&mut line)?.is_none() {
                return Ok(Step::End);
            }
            if !line.trim_ascii().is_empty() {
                break start;
            }
        };
        self.record += 1;
        let input = self.record_name();
        if !line.starts_with(b"WARC/") {
            let found: String = String::from_utf8_lossy(&line[..line.len().min(40)])
                .trim()
                .to_string();
            return Ok(Step::Fatal(ReadError::Warc {
                input,
                offset: start,
                reason: format!("expected a WARC/1.x version line, found {found:?}"),
            }));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            if self.read_line(&mut line)?.is_none() {
                return Ok(Step::Fatal(ReadError::TruncatedWarc {
                    input,
                    offset: start,
                    reason: "the stream ends inside the record's headers".into(),
                }));
            }
            if line.trim_ascii().is_empty() {
                break;
            }
            if headers.len() >= MAX_HEADERS
                || (line.len() as u64 >= MAX_LINE && line.last() != Some(&b'\n'))
            {
                return Ok(Step::Fatal(ReadError::Warc {
                    input,
                    offset: start,
                    reason: "header too long".into(),
                }));
            }
            let text = String::from_utf8_lossy(&line);
            if text.starts_with([' ', '\t']) {
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(text.trim());
                }
            } else if let Some((name, value)) = text.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let Some(length) = header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            return Ok(Step::Fatal(ReadError::Warc {
                input,
                offset: start,
                reason: "missing or invalid Content-Length".into(),
            }));
        };
        let kind = header("warc-type").unwrap_or("").to_ascii_lowercase();
        let wanted = kind == "response" || kind == "resource";
        let too_large = length > self.opts.max_doc_bytes.saturating_add(HTTP_HEADER_ROOM);
        if !wanted || too_large {
            let skipped = io::copy(&mut (&mut self.reader).take(length), &mut io::sink())?;
            self.offset += skipped;
            if skipped < length {
                return Ok(Step::Fatal(truncated(input, start, skipped, length)));
            }
            return Ok(if wanted {
                Step::Error(ReadError::TooLarge {
                    input,
                    limit: self.opts.max_doc_bytes,
                })
            } else {
                Step::Skip
            });
        }
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        let got = (&mut self.reader).take(length).read_to_end(&mut block)? as u64;
        self.offset += got;
        if got < length {
            return Ok(Step::Fatal(truncated(input, start, got, length)));
        }
        let url = header("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
        let content_type = header("content-type").unwrap_or("").to_string();
        Ok(self.payload(input, start, &kind, &content_type, url, &block))
    }

    /// The document in a record's block, if it holds one.
    fn payload(
        &self,
        input: String,
        offset: u64,
        kind: &str,
        warc_type: &str,
        url: Option<String>,
        block: &[u8],
    ) -> Step {
        let max = self.opts.max_doc_bytes;
        let (content_type, body) = if kind == "response" {
            if !block.starts_with(b"HTTP/") {
                if warc_type.to_ascii_lowercase().contains("application/http") {
                    return Step::Error(ReadError::Warc {
                        input,
                        offset,
                        reason: "response is not an HTTP message".into(),
                    });
                }
                return Step::Skip;
            }
            let http = match parse_http(block) {
                Ok(http) => http,
                Err(reason) => {
                    return Step::Error(ReadError::Warc {
                        input,
                        offset,
                        reason,
                    })
                }
            };
            if !(200..300).contains(&http.status) {
                return Step::Skip;
            }
            let mut body = http.body.to_vec();
            if http
                .header("transfer-encoding")
                .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
            {
                if let Some(unchunked) = dechunk(&body) {
                    body = unchunked;
                }
            }
            let encoding = http
                .header("content-encoding")
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let body = match decode_content_encoding(&encoding, body, max) {
                Ok(body) => body,
                Err(e) => return Step::Error(e.into_error(input, max)),
            };
            (http.header("content-type").unwrap_or("").to_string(), body)
        } else {
            (warc_type.to_string(), block.to_vec())
        };
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let content = match mime.as_str() {
            "text/html" | "application/xhtml+xml" => Some(Content::Html),
            "text/plain" => Some(Content::Text),
            "" => None,
            _ => return Step::Skip,
        };
        if body.trim_ascii().is_empty() {
            return Step::Skip;
        }
        if body.len() as u64 > max {
            return Step::Error(ReadError::TooLarge { input, limit: max });
        }
        match decode_document(&input, &body, charset_param(&content_type), content) {
            Ok(decoded) => Step::Doc(Box::new(RawDoc {
                input,
                format: InputFormat::Warc,
                content: decoded.content,
                body: decoded.body,
                charset: decoded.charset,
                hints: Hints {
                    url,
                    ..Hints::default()
                },
            })),
            Err(ReadError::Empty { .. } | ReadError::Binary { .. }) => Step::Skip,
            Err(e) => Step::Error(e),
        }
    }
}

impl Iterator for WarcDocs {
    type Item = Result<RawDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Step::Doc(doc) => return Some(Ok(*doc)),
                Step::Skip => {}
                Step::Error(e) => return Some(Err(e)),
                Step::Fatal(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
                Step::End => self.done = true,
            }
        }
        None
    }
}

fn truncated(input: String, offset: u64, got: u64, length: u64) -> ReadError {
    ReadError::TruncatedWarc {
        input,
        offset,
        reason: format!("block has {got} of its {length} bytes"),
    }
}

/// An HTTP response in a WARC block.
struct Http<'a> {
    status: u16,
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

impl Http<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn parse_http(block: &[u8]) -> Result<Http<'_>, String> {
    let window = &block[..block.len().min(HTTP_HEADER_ROOM as usize)];
    let (head_end, body_start) = match crate::sniff::find(window, b"\r\n\r\n") {
        Some(pos) => (pos, pos + 4),
        None => match crate::sniff::find(window, b"\n\n") {
            Some(pos) => (pos, pos + 2),
            None if !block.contains(&b'\n') || block.ends_with(b"\n") => (block.len(), block.len()),
            None => return Err("HTTP headers do not end".into()),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| {
            format!(
                "bad HTTP status line {:?}",
                status_line.chars().take(60).collect::<String>()
            )
        })?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok(Http {
        status,
        headers,
        body: &block[body_start..],
    })
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the body is not chunked after all.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = crate::sniff::find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

enum EncodingFailure {
    TooLarge,
    Other(String),
}

impl EncodingFailure {
    fn into_error(self, input: String, limit: u64) -> ReadError {
        match self {
            EncodingFailure::TooLarge => ReadError::TooLarge { input, limit },
            EncodingFailure::Other(reason) => ReadError::Undecodable { input, reason },
        }
    }
}

/// Undoes `Content-Encoding`. Crawlers often store payloads already decoded while
/// keeping the header, so a body that is not in the declared encoding is kept as is.
fn decode_content_encoding(
    encoding: &str,
    body: Vec<u8>,
    max: u64,
) -> Result<Vec<u8>, EncodingFailure> {
    fn inflate(reader: impl Read, max: u64) -> Result<Vec<u8>, EncodingFailure> {
        let mut out = Vec::new();
        reader
            .take(max.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| EncodingFailure::Other(format!("bad compressed payload: {e}")))?;
        if out.len() as u64 > max {
            return Err(EncodingFailure::TooLarge);
        }
        Ok(out)
    }
    match encoding {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" => {
            if body.starts_with(&[0x1f, 0x8b]) {
                inflate(flate2::read::MultiGzDecoder::new(&body[..]), max)
            } else {
                Ok(body)
            }
        }
        "deflate" => inflate(flate2::read::ZlibDecoder::new(&body[..]), max)
            .or_else(|_| inflate(flate2::read::DeflateDecoder::new(&body[..]), max))
            .or(Ok(body)),
        other => {
            if crate::sniff::binary_content(&body[..body.len().min(crate::sniff::SNIFF_LEN)])
                .is_none()
            {
                Ok(body)
            } else {
                Err(EncodingFailure::Other(format!(
                    "unsupported Content-Encoding {other:?}"
                )))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks_and_rejects_non_chunked() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
    }

    #[test]
    fn parses_http_status_and_headers() {
        let http = parse_http(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nbody")
            .expect("http");
        assert_eq!(http.status, 404);
        assert_eq!(http.header("content-type"), Some("text/html"));
        assert_eq!(http.body, b"body");
    }
}
