//! `triangulate worker`: annotates the articles `ingest --defer` queued in a shared
//! PostgreSQL store, and places them in stories once their job is complete.
//!
//! Any number of workers on any number of machines run against one database:
//!
//! - **Claiming.** A worker claims a batch with `SELECT ... FOR UPDATE SKIP LOCKED` in a
//!   transaction it keeps open while it annotates, and commits the annotations, a
//!   `work_log` row per article and the removal from the queue together. Two workers
//!   never hold the same article; a worker that dies (SIGKILL, lost machine) has its
//!   transaction rolled back by the server, so its batch is pending again and nothing
//!   half-written remains.
//! - **Stories.** Annotation is per article and runs anywhere; story placement is one
//!   stream over the store and runs in one process at a time, under a PostgreSQL
//!   advisory lock (see [`crate::stories::update`]). A job's articles become ready for
//!   it only when every one is annotated and the job is closed, in job order, so the
//!   stories are those one process would have made from the same ingests.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tri_annotate::Annotator;
use tri_store::{AnnotatedArticle, PgStore, Store};

use crate::db::Db;

/// How a worker runs.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// Articles per claim (and per transaction).
    pub batch: usize,
    /// Threads annotating a claimed batch.
    pub threads: usize,
    /// The name in the work log; defaults to `host:pid`.
    pub name: Option<String>,
    /// Exit once the queue is empty and no deferred ingest is running.
    pub until_idle: bool,
    /// How long an idle worker waits before looking again.
    pub poll: Duration,
}

/// What a worker did.
#[derive(Debug, Default)]
pub struct WorkerReport {
    pub name: String,
    pub processed: u64,
    pub failed: u64,
    pub placements: u64,
    pub seconds: f64,
    /// Time spent annotating (this worker's wall time, not CPU time).
    pub annotate_seconds: f64,
    /// Time spent claiming and committing (waiting on the database).
    pub store_seconds: f64,
    /// Time spent placing articles in stories.
    pub place_seconds: f64,
}

/// A placement pass is tried (without waiting for the lock) at most this often while
/// the worker is busy; an idle worker tries at each look for work.
const PLACE_EVERY: Duration = Duration::from_secs(2);

pub fn run(db: &Db, opts: &WorkerOptions) -> Result<WorkerReport> {
    let name = opts.name.clone().unwrap_or_else(default_name);
    let mut queue: PgStore =
        db.open_postgres("triangulate worker", &format!("triangulate worker {name}"))?;
    // A second connection places stories: the first is inside a claim's transaction.
    let mut placer = db.open()?;
    let annotator = Annotator::bundled().context("loading the annotation models")?;
    let version = annotator.version();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.max(1))
        .build()
        .context("starting the annotation threads")?;
    let started = Instant::now();
    let mut report = WorkerReport {
        name: name.clone(),
        ..Default::default()
    };
    let bar = progress_bar();
    let mut last_place = Instant::now() - PLACE_EVERY;
    loop {
        let t = Instant::now();
        let claimed = queue.claim(opts.batch.max(1))?;
        report.store_seconds += t.elapsed().as_secs_f64();
        if claimed.is_empty() {
            // Idle: place what became ready (two counts when nothing did), unless
            // another process is placing now.
            place_unless_busy(&mut *placer, &mut report)?;
            last_place = Instant::now();
            if opts.until_idle && queue.is_idle()? {
                // Waiting for the lock this time: whatever was committed last is placed
                // before this worker leaves, by it or by the pass it waited for.
                let t = Instant::now();
                crate::stories::update_if_behind(&mut *placer)
                    .context("placing articles in stories")?;
                report.place_seconds += t.elapsed().as_secs_f64();
                break;
            }
            std::thread::sleep(opts.poll);
            continue;
        }
        let t = Instant::now();
        let done: Vec<(AnnotatedArticle, bool)> = pool.install(|| {
            use rayon::prelude::*;
            claimed
                .par_iter()
                .map(|article| annotate(&annotator, article))
                .collect()
        });
        let failed = done.iter().filter(|(_, ok)| !ok).count() as u64;
        let done: Vec<AnnotatedArticle> = done.into_iter().map(|(a, _)| a).collect();
        report.annotate_seconds += t.elapsed().as_secs_f64();
        let t = Instant::now();
        queue
            .complete(&name, &version, &done)
            .context("committing a batch of annotations")?;
        report.store_seconds += t.elapsed().as_secs_f64();
        report.processed += done.len() as u64;
        report.failed += failed;
        bar.set_message(format!("{} articles annotated", report.processed));
        bar.inc(done.len() as u64);
        if last_place.elapsed() >= PLACE_EVERY {
            last_place = Instant::now();
            // Without waiting: another worker placing now covers this batch too, or
            // the next pass does.
            place_unless_busy(&mut *placer, &mut report)?;
        }
    }
    bar.finish_and_clear();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Places what became ready, unless another process is placing now (it, or the next
/// pass, will place this worker's articles too).
fn place_unless_busy(placer: &mut dyn Store, report: &mut WorkerReport) -> Result<()> {
    let t = Instant::now();
    let placed = crate::stories::update_if_free(placer).context("placing articles in stories")?;
    if placed == Some(true) {
        report.placements += 1;
    }
    report.place_seconds += t.elapsed().as_secs_f64();
    Ok(())
}

/// Annotates one article; a fault in a stage (a panic) is logged and the article is
/// stored with no annotations rather than left to poison the queue.
fn annotate(annotator: &Annotator, article: &tri_model::Article) -> (AnnotatedArticle, bool) {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        annotator.annotate_article(article)
    }));
    match result {
        Ok(found) => (
            AnnotatedArticle {
                id: article.id.clone(),
                entities: found.entities,
                attributions: found.attributions,
                chronology: found.chronology,
                figures: found.figures,
                events: found.events,
            },
            true,
        ),
        Err(_) => {
            eprintln!(
                "error: {}: annotation failed (a stage panicked); stored without annotations",
                article.input
            );
            (
                AnnotatedArticle {
                    id: article.id.clone(),
                    ..Default::default()
                },
                false,
            )
        }
    }
}

fn default_name() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".into());
    format!("{host}:{}", std::process::id())
}

fn progress_bar() -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(None, target);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg} ({per_sec})")
            .expect("static template"),
    );
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}
