//! The ingest pipeline: inputs → documents → articles → annotations → store.
//!
//! Reading, extraction and annotation run in parallel on a rayon pool (they are pure per
//! document);
//! one writer stores the articles in batches, one transaction each, so a killed process
//! loses at most the batch in flight and a re-run stores only what is missing. A bad
//! input becomes a [`Failure`] naming it, and the rest of the batch goes on.
#![forbid(unsafe_code)]

use std::collections::HashSet;
use std::time::Instant;

use crossbeam_channel::{bounded, Sender};
use rayon::prelude::*;
use tri_annotate::Annotator;
use tri_model::{Article, Attributions, Chronology, Entity, Event, Figure, Published, RawDoc};
use tri_reader::{read_input, Input, ReadError, ReadOptions};
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
    /// Annotates each article (entities) and stores the annotations with it.
    pub annotator: Option<Annotator>,
    /// Stores the articles queued for workers to annotate
    /// ([`Store::put_articles_deferred`]) instead of annotating them here.
    pub defer: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            read: ReadOptions::default(),
            batch_size: 500,
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            published: None,
            annotator: None,
            defer: false,
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
        Failure {
            input: e.input().to_string(),
            kind: e.kind().to_string(),
            message: e.to_string(),
        }
    }
}

impl From<tri_extract::ExtractError> for Failure {
    fn from(e: tri_extract::ExtractError) -> Self {
        let kind = match e {
            tri_extract::ExtractError::Html { .. } => "html",
            tri_extract::ExtractError::NoText { .. } => "no-text",
        };
        Failure {
            input: e.input().to_string(),
            kind: kind.to_string(),
            message: e.to_string(),
        }
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
    /// The ids stored by this run, in the order they were stored.
    pub inserted: Vec<String>,
    /// How many the store already had (same normalised text).
    pub already_stored: usize,
    pub failures: Vec<Failure>,
    pub seconds: f64,
}

/// Hears about progress; called from worker threads.
pub trait Progress: Sync {
    /// One input has been read and extracted; `bytes` is its size on disk.
    fn input_done(&self, _bytes: u64) {}
    /// A batch was committed; `articles` have been stored or found stored so far. One big
    /// input (a WARC file, a JSONL dump) shows its progress here.
    fn committed(&self, _articles: usize) {}
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
    let mut summary = IngestSummary {
        inputs: inputs.len(),
        ..Default::default()
    };
    let mut batch: Vec<Article> = Vec::with_capacity(opts.batch_size);
    let mut pending = Pending::default();
    let annotator_version = opts.annotator.as_ref().map(Annotator::version);
    // Re-ingesting is idempotent, and with this it is also cheap: articles whose
    // entities this annotator version already stored are not annotated again.
    let annotated = match &annotator_version {
        Some(version) => store.annotated_with(version)?,
        None => HashSet::new(),
    };
    let mut flush = |batch: &mut Vec<Article>,
                     pending: &mut Pending,
                     summary: &mut IngestSummary|
     -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let outcome = if opts.defer {
            store.put_articles_deferred(batch)?
        } else {
            store.put_articles(batch)?
        };
        if let Some(version) = &annotator_version {
            // The entities last: they mark the article annotated.
            store.put_attributions(&pending.attributions)?;
            store.put_chronologies(&pending.chronologies)?;
            store.put_figures(&pending.figures)?;
            store.put_events(&pending.events)?;
            store.put_entities(&pending.entities, version)?;
        }
        *pending = Pending::default();
        summary.new += outcome.inserted.len();
        summary.already_stored += batch.len() - outcome.inserted.len();
        summary.inserted.extend(outcome.inserted);
        summary.articles.extend(batch.drain(..).map(|a| a.id));
        progress.committed(summary.articles.len());
        Ok(())
    };
    let mut result = Ok(());
    run(inputs, opts, &annotated, progress, |item| {
        match item {
            Item::Article(article, found) => {
                if let Some(found) = found {
                    pending.push(&article.id, *found);
                }
                batch.push(*article);
                if batch.len() >= opts.batch_size.max(1) {
                    if let Err(e) = flush(&mut batch, &mut pending, &mut summary) {
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
    // A deferred job is closed whatever happened: what it stored is real and workers
    // should annotate it. (A killed ingest leaves its job open; see the store.)
    let flushed = result.and_then(|()| flush(&mut batch, &mut pending, &mut summary));
    if opts.defer {
        store.finish_deferred()?;
    }
    flushed?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Annotates one article. A fault in a stage (a panic) must not take the batch down or
/// lose the article: it comes back as a failure naming the input.
fn annotate(annotator: &Annotator, article: &Article) -> Result<Annotations, Failure> {
    guarded(&article.input, || {
        let found = annotator.annotate_article(article);
        Annotations {
            entities: found.entities,
            attributions: found.attributions,
            chronology: found.chronology,
            figures: found.figures,
            events: found.events,
        }
    })
}

/// Runs `stage` on `input`, turning a panic into an `annotation` failure that names it.
fn guarded<T>(input: &str, stage: impl FnOnce() -> T) -> Result<T, Failure> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(stage)).map_err(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        Failure {
            input: input.to_string(),
            kind: "annotation".into(),
            message: format!(
                "{input}: annotation failed ({why}); the article is stored without entities and quotes"
            ),
        }
    })
}

/// What annotation found in one article, as the store keeps it.
#[derive(Debug, Clone)]
pub struct Annotations {
    /// The article's entities.
    pub entities: Vec<Entity>,
    /// Its quotes, sources and provenance.
    pub attributions: Attributions,
    /// Its publication date, temporal expressions, flags and predictions.
    pub chronology: Chronology,
    /// Its figures.
    pub figures: Vec<Figure>,
    /// Its events, PLOVER-coded.
    pub events: Vec<Event>,
}

/// Annotations waiting for their articles' batch to be written, one list per table.
#[derive(Default)]
struct Pending {
    entities: Vec<(String, Vec<Entity>)>,
    attributions: Vec<(String, Attributions)>,
    chronologies: Vec<(String, Chronology)>,
    figures: Vec<(String, Vec<Figure>)>,
    events: Vec<(String, Vec<Event>)>,
}

impl Pending {
    fn push(&mut self, id: &str, found: Annotations) {
        self.entities.push((id.to_string(), found.entities));
        self.attributions.push((id.to_string(), found.attributions));
        self.chronologies.push((id.to_string(), found.chronology));
        self.figures.push((id.to_string(), found.figures));
        self.events.push((id.to_string(), found.events));
    }
}

/// One result of reading and extracting, delivered in the caller's thread.
pub enum Item {
    /// An article, with its annotations when the options ask for annotation.
    Article(Box<Article>, Option<Box<Annotations>>),
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
    sink: impl FnMut(Item) -> bool,
) {
    run(inputs, opts, &HashSet::new(), progress, sink)
}

/// [`for_each_article`], leaving the articles in `annotated` unannotated: their
/// entities from this annotator are stored already.
fn run(
    inputs: &[Input],
    opts: &IngestOptions,
    annotated: &HashSet<String>,
    progress: &dyn Progress,
    mut sink: impl FnMut(Item) -> bool,
) {
    // Room for two batches, so workers keep extracting while the writer commits one.
    let (tx, rx) = bounded::<Item>(2 * opts.batch_size.clamp(64, 4096));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.max(1))
        .build();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let work = || {
                inputs.par_iter().for_each_with(tx, |tx, input| {
                    let bytes = input_size(input);
                    let handle = |tx: &mut Sender<Item>, doc: Result<RawDoc, ReadError>| {
                        let item = match doc.map_err(Failure::from).and_then(|mut raw| {
                            if let Some(p) = &opts.published {
                                raw.hints.published = Some(p.clone());
                            }
                            tri_extract::extract(&raw).map_err(Failure::from)
                        }) {
                            Ok(article) => {
                                let annotator = opts
                                    .annotator
                                    .as_ref()
                                    .filter(|_| !annotated.contains(&article.id));
                                let found = match annotator.map(|a| annotate(a, &article)) {
                                    Some(Err(f)) => {
                                        // The article is good input: store it, unannotated,
                                        // and name what went wrong.
                                        tx.send(Item::Failed(f)).map_err(|_| ())?;
                                        None
                                    }
                                    Some(Ok(found)) => Some(Box::new(found)),
                                    None => None,
                                };
                                Item::Article(Box::new(article), found)
                            }
                            Err(f) => Item::Failed(f),
                        };
                        tx.send(item).map_err(|_| ())
                    };
                    let mut docs = read_input(input, &opts.read);
                    let first = docs.next();
                    let second = docs.next();
                    let stopped = match (first, second) {
                        (None, _) => Ok(()),
                        (Some(only), None) => handle(tx, only),
                        // Documents of one input (a WARC file, a JSONL dump, a feed) are
                        // read in order but extracted on all workers: one big file is not
                        // one core. Single documents skip the hand-over, which costs more
                        // than a small article's extraction.
                        (Some(a), Some(b)) => [a, b]
                            .into_iter()
                            .chain(docs)
                            .par_bridge()
                            .try_for_each_with(tx.clone(), handle),
                    };
                    if stopped.is_err() {
                        return;
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
        Input::Memory { bytes, .. } => bytes.len() as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use tri_model::DateSource;
    use tri_store::SqliteStore;

    const STORY: &str = "Officials in the port city said on Tuesday that the new ferry line would open in spring.\n\nThe mayor told reporters the route had been planned for a decade and would carry two thousand passengers a day.";

    fn write(dir: &Path, name: &str, body: &[u8]) -> Input {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        Input::File(path)
    }

    fn story(n: usize) -> String {
        format!("{STORY}\n\nThis is report number {n} about the ferry, with its own closing line.")
    }

    #[test]
    fn a_fault_in_a_stage_is_a_failure_naming_the_input() {
        let f = guarded("feed.xml#3", || -> usize { panic!("index out of bounds") }).unwrap_err();
        assert_eq!(f.kind, "annotation");
        assert!(
            f.message
                .starts_with("feed.xml#3: annotation failed (index out of bounds)"),
            "{}",
            f.message
        );
        assert_eq!(guarded("a.txt", || 7).unwrap(), 7);
    }

    #[test]
    fn entities_are_stored_and_not_recomputed_on_reingest() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Kremlin spokesman Dmitry Peskov said on Monday that Vladimir Putin would meet \
                    Donald Trump in Istanbul later this month. Peskov added that Russia was ready \
                    to discuss a ceasefire, but that the government in Moscow would not give up \
                    its demands. The White House did not respond to a request for comment on \
                    the talks, which officials in both capitals have been preparing for weeks.";
        let inputs = vec![write(dir.path(), "a.txt", text.as_bytes())];
        let annotator = Annotator::bundled().unwrap();
        let opts = IngestOptions {
            annotator: Some(annotator),
            ..IngestOptions::default()
        };
        let mut store = SqliteStore::open_in_memory().unwrap();
        let summary = ingest(&inputs, &mut store, &opts, &Quiet).unwrap();
        let id = summary.articles[0].clone();
        let entities = store.article_entities(&id).unwrap();
        let peskov = entities
            .iter()
            .find(|e| e.name == "Dmitry Peskov")
            .unwrap_or_else(|| panic!("no Peskov in {entities:?}"));
        assert_eq!(peskov.mentions.len(), 2, "{peskov:?}");
        // Quotes are stored with them, speakers resolved to the same entities.
        let at = store
            .article_attributions(&id)
            .unwrap()
            .expect("attributions stored");
        let said = at
            .quotes
            .iter()
            .find(|q| q.text.starts_with("Vladimir Putin would meet"))
            .unwrap_or_else(|| panic!("no quote in {at:?}"));
        assert_eq!(
            at.sources[said.source.unwrap()].entity.as_deref(),
            Some(peskov.key.as_str())
        );
        // Entities stored by this annotator version are kept as they are: mark them and
        // ingest again.
        let mut marked = entities.clone();
        marked[0].roles.push("marker".into());
        store
            .put_entities(&[(id.clone(), marked.clone())], &annotator.version())
            .unwrap();
        ingest(&inputs, &mut store, &opts, &Quiet).unwrap();
        assert_eq!(store.article_entities(&id).unwrap(), marked);
        // Those of another version are replaced by this one's.
        store
            .put_entities(&[(id.clone(), marked)], "older")
            .unwrap();
        ingest(&inputs, &mut store, &opts, &Quiet).unwrap();
        assert_eq!(store.article_entities(&id).unwrap(), entities);
    }

    #[test]
    fn stores_good_inputs_and_names_the_bad_ones() {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs: Vec<Input> = (0..5)
            .map(|n| write(dir.path(), &format!("{n}.txt"), story(n).as_bytes()))
            .collect();
        inputs.push(write(dir.path(), "empty.txt", b""));
        inputs.push(write(
            dir.path(),
            "image.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
        ));
        let mut store = SqliteStore::open_in_memory().unwrap();
        let opts = IngestOptions {
            batch_size: 2,
            jobs: 3,
            ..Default::default()
        };
        let summary = ingest(&inputs, &mut store, &opts, &Quiet).unwrap();
        assert_eq!(summary.inputs, 7);
        assert_eq!(summary.new, 5);
        assert_eq!(summary.articles.len(), 5);
        assert_eq!(store.count().unwrap(), 5);
        let mut failed: Vec<_> = summary
            .failures
            .iter()
            .map(|f| (f.kind.as_str(), f.input.as_str()))
            .collect();
        failed.sort();
        assert_eq!(failed.len(), 2, "{failed:?}");
        assert_eq!(failed[0].0, "binary");
        assert!(failed[0].1.ends_with("image.png"));
        assert_eq!(failed[1].0, "empty");
        assert!(failed[1].1.ends_with("empty.txt"));
        assert!(
            summary
                .failures
                .iter()
                .all(|f| f.message.contains(&f.input)),
            "messages name the input"
        );
        assert!(summary.bytes > 0);
    }

    #[test]
    fn reingest_stores_nothing_twice() {
        let dir = tempfile::tempdir().unwrap();
        let inputs: Vec<Input> = (0..4)
            .map(|n| write(dir.path(), &format!("{n}.txt"), story(n).as_bytes()))
            .collect();
        // The same article under another name, with other line endings and trailing
        // space, is the same article.
        let copy = story(0).replace('\n', "\r\n") + "  \r\n";
        let mut with_copy = inputs.clone();
        with_copy.push(write(dir.path(), "copy.txt", copy.as_bytes()));
        let mut store = SqliteStore::open_in_memory().unwrap();
        let first = ingest(&with_copy, &mut store, &IngestOptions::default(), &Quiet).unwrap();
        assert_eq!((first.new, first.already_stored), (4, 1));
        let again = ingest(&inputs, &mut store, &IngestOptions::default(), &Quiet).unwrap();
        assert_eq!((again.new, again.already_stored), (0, 4));
        assert_eq!(store.count().unwrap(), 4);
    }

    #[test]
    fn a_date_given_by_the_user_wins() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = vec![write(dir.path(), "a.txt", story(1).as_bytes())];
        let published = Published {
            value: "2025-07-14".into(),
            source: DateSource::User,
        };
        let opts = IngestOptions {
            published: Some(published.clone()),
            ..Default::default()
        };
        let mut store = SqliteStore::open_in_memory().unwrap();
        let summary = ingest(&inputs, &mut store, &opts, &Quiet).unwrap();
        let article = store.article(&summary.articles[0]).unwrap().unwrap();
        assert_eq!(article.published, Some(published));
    }

    #[test]
    fn one_big_input_is_fully_stored_by_many_workers() {
        let dir = tempfile::tempdir().unwrap();
        let lines: String = (0..3000)
            .map(|n| {
                format!(
                    "{{\"title\": \"Report {n}\", \"text\": {}}}\n",
                    serde_json_string(&story(n))
                )
            })
            .collect();
        let inputs = vec![write(dir.path(), "dump.jsonl", lines.as_bytes())];
        let mut store = SqliteStore::open_in_memory().unwrap();
        let opts = IngestOptions {
            jobs: 4,
            batch_size: 100,
            ..Default::default()
        };
        let summary = ingest(&inputs, &mut store, &opts, &Quiet).unwrap();
        assert!(summary.failures.is_empty(), "{:?}", summary.failures);
        assert_eq!(summary.new, 3000);
        let mut titles: Vec<String> = store
            .articles()
            .unwrap()
            .into_iter()
            .filter_map(|a| a.title)
            .collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), 3000);
    }

    fn serde_json_string(s: &str) -> String {
        format!(
            "\"{}\"",
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n")
        )
    }

    #[test]
    fn progress_hears_of_every_input_and_every_commit() {
        use std::sync::Mutex;
        #[derive(Default)]
        struct Record {
            inputs: Mutex<u64>,
            commits: Mutex<Vec<usize>>,
        }
        impl Progress for Record {
            fn input_done(&self, _bytes: u64) {
                *self.inputs.lock().unwrap() += 1;
            }
            fn committed(&self, articles: usize) {
                self.commits.lock().unwrap().push(articles);
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let inputs: Vec<Input> = (0..25)
            .map(|n| write(dir.path(), &format!("{n}.txt"), story(n).as_bytes()))
            .collect();
        let record = Record::default();
        let opts = IngestOptions {
            batch_size: 10,
            jobs: 2,
            ..Default::default()
        };
        let mut store = SqliteStore::open_in_memory().unwrap();
        ingest(&inputs, &mut store, &opts, &record).unwrap();
        assert_eq!(*record.inputs.lock().unwrap(), 25);
        assert_eq!(*record.commits.lock().unwrap(), vec![10, 20, 25]);
    }

    #[test]
    fn a_sink_can_stop_the_run_early() {
        let dir = tempfile::tempdir().unwrap();
        let inputs: Vec<Input> = (0..200)
            .map(|n| write(dir.path(), &format!("{n}.txt"), story(n).as_bytes()))
            .collect();
        let mut seen = 0;
        for_each_article(
            &inputs,
            &IngestOptions {
                jobs: 2,
                ..Default::default()
            },
            &Quiet,
            |item| {
                if matches!(item, Item::Article(..)) {
                    seen += 1;
                }
                seen < 3
            },
        );
        assert_eq!(seen, 3);
    }
}
