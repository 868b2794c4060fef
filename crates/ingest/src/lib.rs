//! The ingest pipeline: inputs → documents → articles → store.
//!
//! Reading and extraction run in parallel on a rayon pool (they are pure per document);
//! one writer stores the articles in batches, one transaction each, so a killed process
//! loses at most the batch in flight and a re-run stores only what is missing. A bad
//! input becomes a [`Failure`] naming it, and the rest of the batch goes on.
#![forbid(unsafe_code)]

use std::time::Instant;

use crossbeam_channel::bounded;
use rayon::prelude::*;
use tri_model::{Article, Published};
use tri_reader::{read_input, Input, ReadOptions};
use tri_store::{Store, StoreError};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub read: ReadOptions,
    /// Articles per transaction.
    pub batch_size: usize,
    /// Worker threads for reading and extraction.
    pub jobs: usize,
    /// A publication time the user vouches for; wins over what documents say.
    pub published: Option<Published>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            read: ReadOptions::default(),
            batch_size: 500,
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            published: None,
        }
    }
}

/// An input, or one document in it, that gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The input (and item) it is about.
    pub input: String,
    /// Short machine-readable reason (`empty`, `binary`, `truncated-gzip`, `no-text`, ...).
    pub kind: String,
    /// The full message, starting with the input's name.
    pub message: String,
}

impl From<tri_reader::ReadError> for Failure {
    fn from(e: tri_reader::ReadError) -> Self {
        Failure { input: e.input().to_string(), kind: e.kind().to_string(), message: e.to_string() }
    }
}

impl From<tri_extract::ExtractError> for Failure {
    fn from(e: tri_extract::ExtractError) -> Self {
        let kind = match e {
            tri_extract::ExtractError::Html { .. } => "html",
            tri_extract::ExtractError::NoText { .. } => "no-text",
        };
        Failure { input: e.input().to_string(), kind: kind.to_string(), message: e.to_string() }
    }
}

/// What an ingest run did.
#[derive(Debug, Clone, Default)]
pub struct IngestSummary {
    pub inputs: usize,
    /// Bytes of the inputs as found on disk (compressed where they were).
    pub bytes: u64,
    /// Ids of every article found, in the order they were stored (duplicates included).
    pub articles: Vec<String>,
    /// How many of them were new to the store.
    pub new: usize,
    /// How many the store already had (same normalised text).
    pub already_stored: usize,
    pub failures: Vec<Failure>,
    pub seconds: f64,
}

/// Hears about progress; called from worker threads.
pub trait Progress: Sync {
    /// One input has been read and extracted; `bytes` is its size on disk.
    fn input_done(&self, _bytes: u64) {}
}

/// A [`Progress`] that ignores everything.
pub struct Quiet;
impl Progress for Quiet {}

/// Reads, extracts and stores `inputs`. Only a store failure stops the run; everything
/// else is reported in the summary's failures.
pub fn ingest(
    inputs: &[Input],
    store: &mut dyn Store,
    opts: &IngestOptions,
    progress: &dyn Progress,
) -> Result<IngestSummary, StoreError> {
    let started = Instant::now();
    let mut summary = IngestSummary { inputs: inputs.len(), ..Default::default() };
    let mut batch: Vec<Article> = Vec::with_capacity(opts.batch_size);
    let mut flush = |batch: &mut Vec<Article>, summary: &mut IngestSummary| -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let outcome = store.put_articles(batch)?;
        summary.new += outcome.inserted.len();
        summary.already_stored += batch.len() - outcome.inserted.len();
        summary.articles.extend(batch.drain(..).map(|a| a.id));
        Ok(())
    };
    let mut result = Ok(());
    for_each_article(inputs, opts, progress, |item| {
        match item {
            Item::Article(article) => {
                batch.push(*article);
                if batch.len() >= opts.batch_size.max(1) {
                    if let Err(e) = flush(&mut batch, &mut summary) {
                        result = Err(e);
                        return false;
                    }
                }
            }
            Item::Failed(f) => summary.failures.push(f),
            Item::InputDone(bytes) => summary.bytes += bytes,
        }
        true
    });
    result?;
    flush(&mut batch, &mut summary)?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// One result of reading and extracting, delivered in the caller's thread.
pub enum Item {
    Article(Box<Article>),
    Failed(Failure),
    /// An input is finished; its size on disk.
    InputDone(u64),
}

/// Reads and extracts `inputs` in parallel and hands each result to `sink` on the
/// calling thread. `sink` returns `false` to stop early.
pub fn for_each_article(
    inputs: &[Input],
    opts: &IngestOptions,
    progress: &dyn Progress,
    mut sink: impl FnMut(Item) -> bool,
) {
    let (tx, rx) = bounded::<Item>(256);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(opts.jobs.max(1)).build();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let work = || {
                inputs.par_iter().for_each_with(tx, |tx, input| {
                    let bytes = input_size(input);
                    for doc in read_input(input, &opts.read) {
                        let message = match doc.map_err(Failure::from).and_then(|mut raw| {
                            if let Some(p) = &opts.published {
                                raw.hints.published = Some(p.clone());
                            }
                            tri_extract::extract(&raw).map_err(Failure::from)
                        }) {
                            Ok(article) => Item::Article(Box::new(article)),
                            Err(f) => Item::Failed(f),
                        };
                        if tx.send(message).is_err() {
                            return;
                        }
                    }
                    progress.input_done(bytes);
                    let _ = tx.send(Item::InputDone(bytes));
                })
            };
            match &pool {
                Ok(pool) => pool.install(work),
                Err(_) => work(),
            }
        });
        for item in rx.iter() {
            if !sink(item) {
                break;
            }
        }
        // Dropping the receiver makes the workers' sends fail, so they stop early.
        drop(rx);
    });
}

fn input_size(input: &Input) -> u64 {
    match input {
        Input::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
        Input::Stdin => 0,
    }
}
