//! Named-entity recognition: which tokens name people, organisations, places and other
//! named things (CoNLL-2003's PER, ORG, LOC, MISC).
//!
//! Sits after tokenisation and before entity resolution. The tagger is an averaged
//! perceptron over rich hand-built features (word forms, affixes, shapes, context words,
//! Brown-style word clusters, name lists) decoded greedily left to right over BILOU
//! labels, with the labels the same word received earlier in the document as a feature.
//! It is trained by [`train::train`] from CoNLL files and ships as a text model file.
#![forbid(unsafe_code)]

pub mod aggregate;
pub mod bundled;
pub mod conll;
mod decode;
pub mod features;
pub mod labels;
mod model;
pub mod score;
pub mod train;

use std::path::PathBuf;

pub use decode::DocumentHistory;
pub use features::Lexicon;
pub use model::Weights;

/// Why a model or data file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Format {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("model file line {line}: {message}")]
    Model { line: usize, message: String },
    #[error("this build ships no named-entity model; train one with `triangulate train ner`")]
    NoModel,
    #[error("the model was trained with another lexicon (model {model}, loaded {loaded}); retrain it with `triangulate train ner`")]
    LexiconMismatch { model: String, loaded: String },
}

/// A trained tagger: the weights of its stages and the lexicon its features were
/// computed with. The second stage, when present, sees the first stage's conclusions
/// about the whole document (see [`aggregate`]).
pub struct Tagger {
    stages: Vec<Weights>,
    /// Both stages' rows under one key, for two-stage models.
    joint: Option<decode::JointRows>,
    lexicon: Lexicon,
    beam: usize,
}

/// Label sequences kept while decoding a sentence, unless a tagger is told otherwise.
pub const BEAM_WIDTH: usize = 4;

impl Tagger {
    /// Joins weights to the lexicon they were trained with; refuses any other lexicon.
    pub fn new(stages: Vec<Weights>, lexicon: Lexicon) -> Result<Tagger, NerError> {
        let loaded = format!("{:016x}", lexicon.fingerprint());
        let first = stages.first().ok_or(NerError::Model {
            line: 0,
            message: "no weights".into(),
        })?;
        match first.header("lexicon") {
            Some(model) if model == loaded => Ok(Tagger {
                joint: match &stages[..] {
                    [first, second] => Some(decode::join_rows(first, second)),
                    _ => None,
                },
                stages,
                lexicon,
                beam: BEAM_WIDTH,
            }),
            other => Err(NerError::LexiconMismatch {
                model: other.unwrap_or("none").to_string(),
                loaded,
            }),
        }
    }

    /// Reads a model file and joins it to a lexicon.
    pub fn from_model_file(bytes: &[u8], lexicon: Lexicon) -> Result<Tagger, NerError> {
        Tagger::new(Weights::read_stages(bytes)?, lexicon)
    }

    /// The same tagger decoding with a beam of `width` (1: greedy, fastest).
    pub fn with_beam(mut self, width: usize) -> Tagger {
        self.beam = width.max(1);
        self
    }

    /// The stages' weights (for the header and size).
    pub fn stages(&self) -> &[Weights] {
        &self.stages
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Labels every token of a document given as sentences of tokens. Returns BILOU
    /// label indices (see [`labels`]) per sentence.
    pub fn tag_document<T: AsRef<[S]>, S: AsRef<str>>(&self, sentences: &[T]) -> Vec<Vec<u8>> {
        decode::tag_stages(
            &self.stages[0],
            self.stages.get(1),
            self.joint.as_ref(),
            &self.lexicon,
            sentences,
            self.beam,
        )
    }

    /// Entity chunks of a document given as sentences of tokens: per sentence,
    /// `(first token, end token, type)` with type `PER`, `ORG`, `LOC` or `MISC`.
    pub fn chunks<T: AsRef<[S]>, S: AsRef<str>>(&self, sentences: &[T]) -> Vec<Vec<conll::Chunk>> {
        self.tag_document(sentences)
            .iter()
            .map(|l| labels::to_chunks(l))
            .collect()
    }
}
