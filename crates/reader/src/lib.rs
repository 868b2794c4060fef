//! Bytes → [`RawDoc`]s: the first stage of the Triangulate flow.
//!
//! An input (a file or standard input) is recognised by its content, not its name
//! ([`sniff`]): plain text, HTML, RSS 2.0 / RSS 1.0 (RDF) / Atom feeds, WARC 1.0/1.1
//! archives, JSONL (or a JSON object or array), and gzip of any of these (including WARC
//! files gzipped record by record, as Common Crawl publishes them). Each document found
//! is decoded to text (byte-order mark, declared charset, `<meta charset>`, then a
//! guess) and handed on as a [`RawDoc`] with whatever metadata its container carried.
//!
//! Containers are streamed: a WARC or JSONL file of any size is read record by record,
//! and an error in one record or line is reported as one `Err` item while the rest goes
//! on. Every error ([`ReadError`]) names its input. Nothing here panics on any input.
//!
//! Document names ([`RawDoc::input`]): the path for a single-document file, `-` for
//! standard input, `path#N` for the N-th item of a feed, the N-th element of a JSON array
//! and the N-th record of a WARC file (counting every record, `warcinfo` and `request`
//! records included, from 1), and `path:LINE` for a JSONL line.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod date;
mod decode;
mod error;
mod feed;
mod json;
mod sniff;
mod warc;

use std::fmt;
use std::fs::File;
use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};

use tri_model::{Content, Hints, InputFormat, RawDoc};

pub use error::ReadError;
pub use sniff::{sniff, Sniffed, SNIFF_LEN};

use error::{from_io, GzipFailure};

/// Limits for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// The largest single document, in bytes once decompressed: a plain file, one WARC
    /// record's payload, one JSONL line's body, one feed item. Default 32 MiB.
    pub max_doc_bytes: u64,
    /// The largest feed or whole-JSON file (these are parsed in memory), in bytes once
    /// decompressed. WARC and JSONL files are streamed and have no overall limit.
    /// Default 512 MiB.
    pub max_container_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_doc_bytes: 32 * 1024 * 1024,
            max_container_bytes: 512 * 1024 * 1024,
        }
    }
}

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input, named `-`.
    Stdin,
    /// Bytes already in memory (an upload), under the name errors give it.
    Memory {
        /// The name documents and errors carry.
        name: String,
        /// The content, shared so the input stays cheap to clone.
        bytes: std::sync::Arc<[u8]>,
    },
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::File(path) => write!(f, "{}", path.display()),
            Input::Stdin => f.write_str("-"),
            Input::Memory { name, .. } => f.write_str(name),
        }
    }
}

/// The documents of one input, read lazily. Each item is a document or an error about
/// one document (or, as a single item, about the whole input).
pub struct Docs {
    inner: Box<dyn Iterator<Item = Result<RawDoc, ReadError>> + Send>,
}

impl Docs {
    fn new(inner: impl Iterator<Item = Result<RawDoc, ReadError>> + Send + 'static) -> Docs {
        Docs {
            inner: Box::new(inner),
        }
    }

    fn one(item: Result<RawDoc, ReadError>) -> Docs {
        Docs::new(std::iter::once(item))
    }
}

impl Iterator for Docs {
    type Item = Result<RawDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next()
    }
}

impl fmt::Debug for Docs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Docs { .. }")
    }
}

/// Turns paths into inputs: `-` is standard input, a file is kept as given (hidden or
/// not), a directory is walked recursively in sorted order, skipping hidden entries
/// (names starting with `.`) and not following symbolic links to directories. Paths
/// that do not exist or cannot be listed come back as errors.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<ReadError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(e) => errors.push(from_io(&path.display().to_string(), &e)),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<ReadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(from_io(&dir.display().to_string(), &e));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) if !entry.file_name().to_string_lossy().starts_with('.') => {
                paths.push(entry.path())
            }
            Ok(_) => {}
            Err(e) => errors.push(from_io(&dir.display().to_string(), &e)),
        }
    }
    paths.sort();
    for path in paths {
        let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                if !is_link {
                    walk(&path, inputs, errors);
                }
            }
            Ok(meta) if meta.is_file() => inputs.push(Input::File(path)),
            Ok(_) => {}
            Err(e) => errors.push(from_io(&path.display().to_string(), &e)),
        }
    }
}

/// Opens one input and yields its documents lazily. An error about the whole input
/// (missing, empty, binary, ...) comes as a single `Err` item; a container yields an
/// `Err` item per bad record, line or item and goes on where it can.
pub fn read_input(input: &Input, opts: &ReadOptions) -> Docs {
    match input {
        Input::Stdin => open_stream("-".to_string(), Box::new(io::stdin()), None, opts),
        Input::Memory { name, bytes } => open_stream(
            name.clone(),
            Box::new(Cursor::new(bytes.clone())),
            Some(bytes.len() as u64),
            opts,
        ),
        Input::File(path) => {
            let name = path.display().to_string();
            let file = match File::open(path) {
                Ok(file) => file,
                Err(e) => return Docs::one(Err(from_io(&name, &e))),
            };
            let size = match file.metadata() {
                Ok(meta) if meta.is_dir() => {
                    return Docs::one(Err(ReadError::Unreadable {
                        input: name,
                        reason: "is a directory".into(),
                    }))
                }
                Ok(meta) => Some(meta.len()),
                Err(_) => None,
            };
            open_stream(name, Box::new(file), size, opts)
        }
    }
}

/// Reads documents from bytes already in memory, named `name` in documents and errors.
pub fn read_bytes(name: &str, bytes: Vec<u8>, opts: &ReadOptions) -> Docs {
    let size = bytes.len() as u64;
    open_stream(
        name.to_string(),
        Box::new(Cursor::new(bytes)),
        Some(size),
        opts,
    )
}

/// A byte stream being read.
pub(crate) type Stream = Box<dyn Read + Send>;

fn open_stream(name: String, reader: Stream, size: Option<u64>, opts: &ReadOptions) -> Docs {
    match open_sniffed(name, reader, size, opts, 0) {
        Ok(docs) => docs,
        Err(e) => Docs::one(Err(e)),
    }
}

/// How many gzip layers are opened before giving up.
const MAX_GZIP_DEPTH: u32 = 2;

fn open_sniffed(
    name: String,
    mut reader: Stream,
    size: Option<u64>,
    opts: &ReadOptions,
    depth: u32,
) -> Result<Docs, ReadError> {
    // An error after some bytes (a truncated gzip member) is replayed after them, so
    // the records before it are still read.
    let (head, pending) = read_head(&mut reader, SNIFF_LEN);
    if let (true, Some(e)) = (head.is_empty(), &pending) {
        return Err(from_io(&name, e));
    }
    let exhausted = head.len() < SNIFF_LEN && pending.is_none();
    let sniffed = sniff(&head);
    let is_json_document =
        matches!(sniffed, Sniffed::Format(InputFormat::Jsonl)) && json::is_whole_json(&head);
    let reader: Stream = Box::new(Replay {
        head: Cursor::new(head),
        pending,
        rest: reader,
    });
    match sniffed {
        Sniffed::Empty if exhausted => Err(ReadError::Empty {
            input: name,
            what: "file",
        }),
        Sniffed::Gzip if depth < MAX_GZIP_DEPTH => {
            let gz = GzipReader(flate2::read::MultiGzDecoder::new(reader));
            open_sniffed(name, Box::new(gz), None, opts, depth + 1)
        }
        Sniffed::Gzip => Err(ReadError::Gzip {
            input: name,
            reason: "gzip nested too deeply".into(),
        }),
        Sniffed::Binary(what) => Err(ReadError::Binary { input: name, what }),
        Sniffed::Format(InputFormat::Warc) => {
            Ok(Docs::new(warc::WarcDocs::new(name, reader, opts.clone())))
        }
        Sniffed::Format(InputFormat::Jsonl) if is_json_document => {
            Ok(json::read_json_document(name, reader, opts))
        }
        Sniffed::Format(InputFormat::Jsonl) => {
            Ok(Docs::new(json::JsonlDocs::new(name, reader, opts.clone())))
        }
        Sniffed::Format(InputFormat::Rss | InputFormat::Atom) => {
            Ok(feed::read_feed(name, reader, opts))
        }
        Sniffed::Format(InputFormat::Text) => {
            single_document(name, reader, size, opts, Some(Content::Text))
                .map(|doc| Docs::one(Ok(doc)))
        }
        Sniffed::Format(InputFormat::Html) => {
            single_document(name, reader, size, opts, Some(Content::Html))
                .map(|doc| Docs::one(Ok(doc)))
        }
        Sniffed::Empty => {
            single_document(name, reader, size, opts, None).map(|doc| Docs::one(Ok(doc)))
        }
    }
}

/// One text or HTML document making up the whole input; `content` as sniffing found it,
/// so decoding does not look again.
fn single_document(
    name: String,
    reader: Stream,
    size: Option<u64>,
    opts: &ReadOptions,
    content: Option<Content>,
) -> Result<RawDoc, ReadError> {
    if size.is_some_and(|size| size > opts.max_doc_bytes) {
        return Err(ReadError::TooLarge {
            input: name,
            limit: opts.max_doc_bytes,
        });
    }
    let bytes = read_capped(reader, opts.max_doc_bytes, &name)?;
    let decoded = decode::decode_document(&name, &bytes, None, content)?;
    let format = match decoded.content {
        Content::Html => InputFormat::Html,
        Content::Text => InputFormat::Text,
    };
    Ok(RawDoc {
        input: name,
        format,
        content: decoded.content,
        body: decoded.body,
        charset: decoded.charset,
        hints: Hints::default(),
    })
}

/// Reads up to `len` bytes, fewer at the end of the stream or before an error.
fn read_head(reader: &mut Stream, len: usize) -> (Vec<u8>, Option<io::Error>) {
    let mut head = Vec::with_capacity(len);
    let result = reader.take(len as u64).read_to_end(&mut head);
    (head, result.err())
}

/// The bytes read for sniffing, then the error met while reading them (if any), then
/// the rest of the stream.
struct Replay {
    head: Cursor<Vec<u8>>,
    pending: Option<io::Error>,
    rest: Stream,
}

impl Read for Replay {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.head.read(buf)?;
        if n > 0 || buf.is_empty() {
            return Ok(n);
        }
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        self.rest.read(buf)
    }
}

/// Reads a whole stream of at most `limit` bytes.
pub(crate) fn read_capped(reader: impl Read, limit: u64, name: &str) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| from_io(name, &e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            input: name.to_string(),
            limit,
        });
    }
    Ok(bytes)
}

/// A gzip decoder whose errors are marked as such (see [`error::from_io`]).
struct GzipReader<R>(R);

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0
            .read(buf)
            .map_err(|e| io::Error::new(e.kind(), GzipFailure(e)))
    }
}
