//! Evaluation of Triangulate's stages on public benchmarks, with the benchmarks' own
//! metrics, for the `triangulate eval ...` commands. Each task is one module that reads
//! a data set, runs the stage single-threaded, and returns a serializable report that
//! can print itself as a table.
#![forbid(unsafe_code)]

pub mod events;
pub mod extraction;
pub mod ner;
pub mod quantities;
pub mod quotes;
pub mod stories;
pub mod timex;

use std::path::PathBuf;

/// What every task's report offers the command line: a table for a terminal, JSON for
/// programs, and the system's name to set when scoring another system's output.
pub trait Report: serde::Serialize {
    /// The name of the system the report is about.
    fn system_mut(&mut self) -> &mut String;
    /// The report as a table for a terminal.
    fn table(&self) -> String;
}

macro_rules! report {
    ($($t:ty),*) => {$(
        impl Report for $t {
            fn system_mut(&mut self) -> &mut String {
                &mut self.system
            }
            fn table(&self) -> String {
                <$t>::table(self)
            }
        }
    )*};
}

report!(
    events::EventsReport,
    ner::NerReport,
    quantities::QuantitiesReport,
    quotes::QuotesReport,
    stories::StoriesReport,
    timex::TimexReport
);

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

/// The shipped annotation pipeline, for the tasks that run it; its failure to load is the
/// evaluation's error.
pub(crate) fn bundled_annotator() -> Result<tri_annotate::Annotator, EvalError> {
    tri_annotate::Annotator::bundled().map_err(|e| EvalError::Format {
        path: std::path::PathBuf::from("<bundled models>"),
        message: e.to_string(),
    })
}

/// Creates the folder predictions are written to.
pub(crate) fn create_dir(dir: &std::path::Path) -> Result<(), EvalError> {
    std::fs::create_dir_all(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })
}
