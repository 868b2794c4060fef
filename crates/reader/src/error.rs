//! [`ReadError`]: everything that can go wrong while opening an input, each naming it.

use std::io;

/// Why an input, or one document in it, gave no [`tri_model::RawDoc`].
///
/// The message always starts with the input's name (`data/x.html: empty file`,
/// `crawl.warc.gz#12: truncated WARC record at byte 40960: ...`), so it can be printed
/// as is; [`ReadError::input`] gives the name alone and [`ReadError::kind`] a short
/// machine-readable reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The path does not exist.
    #[error("{input}: no such file or directory")]
    NotFound {
        /// The input as given.
        input: String,
    },
    /// The input exists but could not be read (permissions, I/O error, ...).
    #[error("{input}: cannot read: {reason}")]
    Unreadable {
        /// The input (or item) it is about.
        input: String,
        /// The operating system's explanation.
        reason: String,
    },
    /// The input, or one document in a container, holds nothing but whitespace.
    #[error("{input}: empty {what}")]
    Empty {
        /// The input (or item) it is about.
        input: String,
        /// `file` or `document`.
        what: &'static str,
    },
    /// The bytes are not text: NUL or many control bytes, or a known binary signature.
    #[error("{input}: binary data ({what}), not text")]
    Binary {
        /// The input (or item) it is about.
        input: String,
        /// What it looks like (`PNG image`, `NUL bytes`, ...).
        what: String,
    },
    /// A gzip stream ended before its end marker.
    #[error("{input}: truncated gzip stream")]
    TruncatedGzip {
        /// The input, or the WARC record being read when the stream ended.
        input: String,
    },
    /// A gzip stream is corrupt (bad header, bad deflate data, bad checksum).
    #[error("{input}: corrupt gzip stream: {reason}")]
    Gzip {
        /// The input, or the WARC record being read.
        input: String,
        /// The decompressor's explanation.
        reason: String,
    },
    /// A WARC record ends before its `Content-Length` (or its headers end early).
    #[error("{input}: truncated WARC record at byte {offset}: {reason}")]
    TruncatedWarc {
        /// `path#N`, N counting every record of the file from 1.
        input: String,
        /// Where the record starts, in the (decompressed) WARC stream.
        offset: u64,
        /// What was missing.
        reason: String,
    },
    /// A WARC record (or its HTTP payload) does not follow the format.
    #[error("{input}: malformed WARC record at byte {offset}: {reason}")]
    Warc {
        /// `path#N`, N counting every record of the file from 1.
        input: String,
        /// Where the record starts, in the (decompressed) WARC stream.
        offset: u64,
        /// What is wrong.
        reason: String,
    },
    /// The bytes could not be decoded to text.
    #[error("{input}: cannot decode: {reason}")]
    Undecodable {
        /// The input (or item) it is about.
        input: String,
        /// Why.
        reason: String,
    },
    /// One document is larger than [`crate::ReadOptions::max_doc_bytes`] (or a feed or
    /// JSON file larger than [`crate::ReadOptions::max_container_bytes`]).
    #[error("{input}: too large: over the limit of {limit} bytes")]
    TooLarge {
        /// The input (or item) it is about.
        input: String,
        /// The limit that was passed.
        limit: u64,
    },
    /// An RSS/Atom feed that could not be parsed, or an item without content.
    #[error("{input}: malformed feed: {reason}")]
    Feed {
        /// The feed, or `path#N` for its N-th item.
        input: String,
        /// The parser's explanation.
        reason: String,
    },
    /// A JSONL line or JSON file that is not a valid document object.
    #[error("{input}: malformed JSON: {reason}")]
    Json {
        /// `path:LINE` for JSONL, `path#N` for the N-th element of a JSON array.
        input: String,
        /// The parser's explanation.
        reason: String,
    },
}

impl ReadError {
    /// The input (or item: `path#N`, `path:LINE`) the error is about.
    pub fn input(&self) -> &str {
        match self {
            ReadError::NotFound { input }
            | ReadError::Unreadable { input, .. }
            | ReadError::Empty { input, .. }
            | ReadError::Binary { input, .. }
            | ReadError::TruncatedGzip { input }
            | ReadError::Gzip { input, .. }
            | ReadError::TruncatedWarc { input, .. }
            | ReadError::Warc { input, .. }
            | ReadError::Undecodable { input, .. }
            | ReadError::TooLarge { input, .. }
            | ReadError::Feed { input, .. }
            | ReadError::Json { input, .. } => input,
        }
    }

    /// A short machine-readable reason: `not-found`, `unreadable`, `empty`, `binary`,
    /// `truncated-gzip`, `bad-gzip`, `truncated-warc`, `bad-warc`, `undecodable`,
    /// `too-large`, `bad-feed` or `bad-json`.
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::NotFound { .. } => "not-found",
            ReadError::Unreadable { .. } => "unreadable",
            ReadError::Empty { .. } => "empty",
            ReadError::Binary { .. } => "binary",
            ReadError::TruncatedGzip { .. } => "truncated-gzip",
            ReadError::Gzip { .. } => "bad-gzip",
            ReadError::TruncatedWarc { .. } => "truncated-warc",
            ReadError::Warc { .. } => "bad-warc",
            ReadError::Undecodable { .. } => "undecodable",
            ReadError::TooLarge { .. } => "too-large",
            ReadError::Feed { .. } => "bad-feed",
            ReadError::Json { .. } => "bad-json",
        }
    }
}

/// Marks an I/O error as coming from the gzip layer, so it can be told from a disk error.
#[derive(Debug)]
pub(crate) struct GzipFailure(pub(crate) io::Error);

impl std::fmt::Display for GzipFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for GzipFailure {}

/// Turns an I/O error met while reading `input` into a [`ReadError`], recognising the
/// ones the gzip layer raised.
pub(crate) fn from_io(input: &str, err: &io::Error) -> ReadError {
    if let Some(gz) = err.get_ref().and_then(|e| e.downcast_ref::<GzipFailure>()) {
        return if gz.0.kind() == io::ErrorKind::UnexpectedEof {
            ReadError::TruncatedGzip {
                input: input.to_string(),
            }
        } else {
            ReadError::Gzip {
                input: input.to_string(),
                reason: gz.0.to_string(),
            }
        };
    }
    match err.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound {
            input: input.to_string(),
        },
        _ => ReadError::Unreadable {
            input: input.to_string(),
            reason: err.to_string(),
        },
    }
}
