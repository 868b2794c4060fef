//! Evaluation of Triangulate's stages on public benchmarks, with the benchmarks' own
//! metrics, for the `triangulate eval ...` commands. Each task is one module that reads
//! a data set, runs the stage single-threaded, and returns a serializable report that
//! can print itself as a table.
#![forbid(unsafe_code)]

pub mod extraction;
pub mod ner;
pub mod quotes;
pub mod timex;

use std::path::PathBuf;

/// Why an evaluation could not run. Names the file it is about.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file of the data set could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file of the data set is not in the expected format.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
}
