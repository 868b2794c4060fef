//! `triangulate`: the command line over the pipeline crates. Parses arguments, opens the
//! store, shows progress and prints; every capability lives in a library crate.
#![forbid(unsafe_code)]

mod db;
mod dossier;
mod events;
mod figures;
mod render;
mod serve;
mod stories;
mod timeline;
mod worker;

/// `print!` that ends the program quietly when stdout is a closed pipe (`| head`), as
/// Unix tools do, instead of panicking; other write errors become the command's error.
macro_rules! out {
    ($($arg:tt)*) => {
        write_stdout(&format!($($arg)*)).context("writing to stdout")?
    };
}

/// [`out!`] with a line end.
macro_rules! outln {
    () => {
        out!("\n")
    };
    ($($arg:tt)*) => {{
        out!($($arg)*);
        out!("\n");
    }};
}

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tri_ingest::{IngestOptions, IngestSummary, Item, Progress};
use tri_model::{DateSource, Published};
use tri_reader::{collect_inputs, Input, ReadOptions};
use tri_store::Store;

use crate::db::{AnyStore, Db};

const EXAMPLES: &str = "\
Examples:
  triangulate report examples/seeds            ingest the seed articles and print what is known
  triangulate ingest news/ feed.xml crawl.warc.gz
  curl -s https://example.org/a.html | triangulate ingest -
  triangulate articles --json
  triangulate show 738e8159                    the seed article from Observer News
  triangulate extract page.html --json        clean text and metadata, nothing stored
  triangulate eval extract --data ../shared/data/article-extraction-benchmark";

/// Triangulate turns many news reports about one developing story into one sourced
/// record. Inputs: plain text (any common encoding), HTML, RSS/Atom feeds, WARC (as
/// CC-NEWS publishes it), JSONL, and .gz of any of these, recognised by content.
#[derive(Parser, Debug)]
#[command(name = "triangulate", version, after_help = EXAMPLES)]
struct Cli {
    /// The store: a SQLite file, created if missing, or a shared PostgreSQL database
    /// (`postgres://user@host/db`) for many workers and servers.
    #[arg(
        long,
        global = true,
        env = "TRIANGULATE_DB",
        default_value = "triangulate.db"
    )]
    db: Db,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read news files and store their articles (files, directories recursively, `-` for stdin).
    ///
    /// Each input is recognised by its content. An input that fails is named with the
    /// reason on stderr and the rest go on; the exit status is 1 when any failed.
    /// Re-ingesting is idempotent: an article already stored (same normalised text) is
    /// not stored again.
    #[command(
        after_help = "Example:\n  triangulate ingest examples/seeds news.jsonl crawl.warc.gz"
    )]
    Ingest(IngestArgs),
    /// List the stored articles.
    #[command(after_help = "Example:\n  triangulate articles --json | jq '.[].title'")]
    Articles {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one stored article: metadata and clean text. ID may be a unique prefix.
    #[command(after_help = "Example:\n  triangulate show 738e8159 --json")]
    Show {
        /// The article's id, or a unique prefix of it (at least 4 characters).
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The entities of a stored article (people, organisations, places, groups), or with
    /// no id every entity in the store with how many articles mention it.
    #[command(
        after_help = "Examples:\n  triangulate entities 738e8159\n  triangulate entities --json"
    )]
    Entities {
        /// The article's id, or a unique prefix of it (at least 4 characters).
        id: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The quotes of a stored article: direct, indirect and mixed, each with its cue,
    /// speaker and provenance chain (publisher → cited outlet → source).
    #[command(after_help = "Example:\n  triangulate quotes 738e8159 --json")]
    Quotes {
        /// The article's id, or a unique prefix of it (at least 4 characters).
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The sources of a stored article: its publisher and cited outlets, and every
    /// person, anonymous source (count, affiliation), organisation or document quoted.
    #[command(after_help = "Example:\n  triangulate sources 738e8159")]
    Sources {
        /// The article's id, or a unique prefix of it (at least 4 characters).
        id: String,
        /// Print JSON (the stored attribution record) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The stories of the stored articles, grouped in storylines: each with its size,
    /// span of dates, outlets, origin reports (named or inferred) and keywords. Articles
    /// are clustered in date order as a stream: copies join their original, rewrites
    /// and independent reports of one happening share a story, and stories that are
    /// about the same people and places over weeks share a storyline.
    #[command(after_help = "Examples:\n  triangulate stories\n  triangulate stories --json")]
    Stories {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// One story: its articles in the order they joined, each with its date, outlet,
    /// title, origin (named in the text, or inferred from the rewrites it shares quotes,
    /// sources and figures with) and the article it copies, if any.
    #[command(
        after_help = "Examples:\n  triangulate story s-2030067d\n  triangulate story s-2030 --json"
    )]
    Story {
        /// The story id (`s-...`, as `stories` lists it) or a unique prefix of it.
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The dated statements of stored articles in date order: what happened when, the
    /// forecasts, deadlines and scheduled events with their due dates and whether they
    /// are past due, and the dates that contradict the publication date. With no id,
    /// every article in the store; a story id (`s-...`) stands for its articles.
    #[command(
        after_help = "Examples:\n  triangulate timeline 738e8159\n  triangulate timeline s-2030067d\n  triangulate timeline --from 2025-07-01 --to 2025-08-31 --json"
    )]
    Timeline {
        /// Article ids, or unique prefixes of them (at least 4 characters).
        ids: Vec<String>,
        /// Only statements whose dates reach this day or later (YYYY-MM-DD).
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Only statements whose dates begin on this day or earlier (YYYY-MM-DD).
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The events of stored articles, coded in PLOVER: who did what to whom, where and
    /// when, and whether it is said to have happened or was threatened, demanded,
    /// planned... With no id, every article in the store; a story id (`s-...`) stands for
    /// its articles.
    ///
    /// `--format plover` writes one PLOVER JSON record per line, `--format gdelt` a
    /// tab-separated, GDELT-style event table (see the README's Exports).
    #[command(
        after_help = "Examples:\n  triangulate events 738e8159\n  triangulate events --type assault --type threaten --from 2025-07 --to 2025-08\n  triangulate events --actor russia --factual --format plover > events.jsonl\n  triangulate events --format gdelt > events.tsv"
    )]
    Events {
        /// Article ids, or unique prefixes of them (at least 4 characters).
        ids: Vec<String>,
        /// Only events of this PLOVER category (ASSAULT, REQUEST...; older names such as
        /// DEMAND or FIGHT are read as PLOVER maps them); repeat for several.
        #[arg(long = "type", value_name = "T", value_parser = events::parse_type)]
        types: Vec<tri_model::EventType>,
        /// Only events with an actor whose name, words or country code contain this
        /// (case-insensitive).
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// Only events dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD); undated
        /// events are left out.
        #[arg(long, value_name = "DATE", value_parser = events::parse_date_bound)]
        from: Option<String>,
        /// Only events dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD); undated
        /// events are left out.
        #[arg(long, value_name = "DATE", value_parser = events::parse_date_bound)]
        to: Option<String>,
        /// Only events said to have happened: asserted, not negated.
        #[arg(long)]
        factual: bool,
        /// Text for a terminal, JSON per article, PLOVER records (JSON lines), or a
        /// GDELT-style table.
        #[arg(long, value_enum, default_value_t = EventsFormat::Text)]
        format: EventsFormat,
    },
    /// Print the clean text and metadata of files without storing anything.
    #[command(after_help = "Example:\n  triangulate extract page.html story.txt --json")]
    Extract {
        /// Files or directories (recursively); `-` for stdin.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per article, one per line.
        #[arg(long)]
        json: bool,
    },
    /// Ingest the inputs and print what is known about their articles: the main job.
    #[command(after_help = "Example:\n  triangulate report examples/seeds --format markdown")]
    Report {
        #[command(flatten)]
        ingest: IngestArgs,
        /// Text for a terminal, Markdown for a document, JSON for programs, HTML for one
        /// self-contained page (the dossiers, every claim linked to its sentences).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The dossier of a storyline, a story or a set of stored articles: what each claim
    /// rests on (articles, independent origins, the sentences), corroborated, single
    /// origin, contested or internally inconsistent; the timeline, the actors' positions,
    /// quotes by speaker, figures, flags and the provenance graph. With no id, one
    /// dossier per storyline of the store.
    #[command(
        after_help = "Examples:\n  triangulate dossier\n  triangulate dossier l-738e81597a32 --format markdown\n  triangulate dossier s-cf254350bffc --format html > story.html"
    )]
    Dossier {
        /// Storyline ids (`l-...`), story ids (`s-...`) or article ids (at least 4
        /// characters; articles given together make one dossier).
        ids: Vec<String>,
        /// Text for a terminal, Markdown for a document, JSON for programs, HTML for one
        /// self-contained page.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Serve the store over HTTP: a JSON API (see /api/openapi.json) and a web page for
    /// stories, dossiers and sources, on http://127.0.0.1:8080/ by default.
    ///
    /// Writes (POST /api/articles) need the bearer token: --token, TRIANGULATE_TOKEN, or
    /// one made up at start and printed. Each client address has a request budget.
    #[command(
        after_help = "Examples:\n  triangulate serve\n  triangulate --db news.db serve --port 9000 --token \"$(cat token)\"\n  curl -H \"Authorization: Bearer $TOKEN\" --data-binary @page.html \\\n    -H 'Content-Type: text/html' 'http://127.0.0.1:8080/api/articles?outlet=Reuters'"
    )]
    Serve(ServeArgs),
    /// How the work queue of a shared PostgreSQL store stands: articles waiting for a
    /// worker, deferred ingests still running, articles workers have annotated.
    Queue {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Annotate the articles `ingest --defer` queued in a shared PostgreSQL store, and
    /// place them in stories. Run any number, on any machines: each article is claimed
    /// by one worker at a time (FOR UPDATE SKIP LOCKED), and a worker that dies leaves
    /// its batch to the others.
    #[command(
        after_help = "Examples:\n  export TRIANGULATE_DB=postgres://news@db.internal/triangulate\n  triangulate ingest --defer feeds/\n  triangulate worker &  triangulate worker &\n  triangulate worker --until-idle --batch 32"
    )]
    Worker {
        /// Articles claimed per transaction.
        #[arg(long, default_value_t = 16)]
        batch: usize,
        /// Threads annotating each batch (run more workers to use more machines).
        #[arg(long, default_value_t = 1)]
        threads: usize,
        /// The worker's name in the work log (default: host:pid).
        #[arg(long)]
        name: Option<String>,
        /// Exit when the queue is empty and no deferred ingest is running (after
        /// placing the last articles in stories), instead of waiting for more.
        #[arg(long)]
        until_idle: bool,
        /// Milliseconds an idle worker waits before looking for work again.
        #[arg(long, default_value_t = 500)]
        poll_ms: u64,
    },
    /// Measure a task on a public data set in that task's own format.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model from public data (the trained model ships in `models/`).
    #[command(subcommand)]
    Train(TrainCommand),
}

#[derive(clap::Args, Debug)]
struct ServeArgs {
    /// The address to listen on. Anything but loopback exposes the store to the
    /// network: put it behind a TLS proxy.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// The port; 0 picks a free one (printed at start).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The bearer token writes need; made up and printed when not given.
    #[arg(long, env = "TRIANGULATE_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Requests per second each client address may make, on average (0: no limit).
    /// An upload counts as ten.
    #[arg(long, default_value_t = 100.0)]
    rate_limit: f64,
    /// Requests a client may make at once before the rate applies.
    #[arg(long, default_value_t = 200.0)]
    burst: f64,
    /// The largest request body, in MiB.
    #[arg(long, default_value_t = 16)]
    max_body_mib: usize,
}

#[derive(clap::Args, Debug)]
struct IngestArgs {
    /// Files or directories (read recursively); `-` for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Publication date of every article read (YYYY-MM-DD or RFC 3339): wins over what
    /// the documents say.
    #[arg(long, value_parser = parse_published)]
    published: Option<Published>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 500)]
    batch_size: usize,
    /// Largest single document accepted, in MiB.
    #[arg(long, default_value_t = 32)]
    max_doc_mib: u64,
    /// Store articles only, without finding their entities (faster; `show` and
    /// `entities` then have none for them).
    #[arg(long)]
    no_entities: bool,
    /// Store the articles and queue them for `triangulate worker` to annotate and place
    /// in stories (PostgreSQL stores only): ingest then only reads and extracts.
    #[arg(long, conflicts_with = "no_entities")]
    defer: bool,
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// Main-text extraction on a folder of `html/<id>.html.gz` and `ground-truth.json`
    /// (the article-extraction-benchmark format): 4-token shingle P/R/F1 and speed.
    #[command(
        after_help = "Example:\n  triangulate eval extract --data ../shared/data/article-extraction-benchmark"
    )]
    Extract {
        /// The data set's folder.
        #[arg(long)]
        data: PathBuf,
        /// Print JSON (with per-page scores) instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Named-entity recognition on a CoNLL-style file (token first, tag last, IOB1 or
    /// IOB2, blank lines between sentences): conlleval's entity-level P/R/F1 and speed.
    #[command(
        after_help = "Examples:\n  triangulate eval ner --data ../shared/data/conll2003/valid.txt\n  triangulate eval ner --data test.txt --predictions spacy.conll --system spacy --types PER,ORG,LOC"
    )]
    Ner {
        /// The gold file.
        #[arg(long)]
        data: PathBuf,
        /// Score this file of another system's tags (same tokens) instead of tagging.
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Name of the system in the report.
        #[arg(long)]
        system: Option<String>,
        /// Score only these types (comma-separated), e.g. PER,ORG,LOC.
        #[arg(long, value_delimiter = ',')]
        types: Option<Vec<String>>,
        /// Tag with this model file instead of the shipped one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Write the tagged file here (`token gold predicted`, IOB2) to read the errors.
        #[arg(long)]
        write: Option<PathBuf>,
        /// Beam width of the decoder (1: greedy); only with --model.
        #[arg(long, requires = "model")]
        beam: Option<usize>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Temporal expressions on a folder of TimeML `.tml` files (TempEval-3's layout;
    /// anchor from `<DCT>`): strict and relaxed span P/R/F1, value F1, type accuracy, speed.
    #[command(
        after_help = "Examples:\n  triangulate eval timex --data ../shared/data/tempeval3/dev-timebank\n  triangulate eval timex --data DIR --predictions heideltime/ --system heideltime"
    )]
    Timex {
        /// The data set's folder.
        #[arg(long)]
        data: PathBuf,
        /// Score this folder of another system's `.tml` files instead of tagging.
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Name of the system in the report.
        #[arg(long)]
        system: Option<String>,
        /// Write every mismatch here (TSV: missed, spurious, wrong value, type or extent,
        /// with its context), to read the errors.
        #[arg(long, conflicts_with = "predictions")]
        errors: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Story clustering on a JSONL stream of articles (`ingest`'s JSONL schema plus a gold
    /// story label), clustered in date order in one pass: BCubed and pairwise P/R/F1,
    /// articles per second and peak memory.
    #[command(after_help = "Examples:
  triangulate eval stories --data data/stories-eval/basil-dev.jsonl
  triangulate eval stories --data stream.jsonl --label-field cluster --join 0.35 --json")]
    Stories {
        /// The JSONL file.
        #[arg(long)]
        data: PathBuf,
        /// The field holding the gold story label.
        #[arg(long, default_value = "story")]
        label_field: String,
        /// Least time-decayed similarity for an article to join a story (default: the
        /// shipped setting).
        #[arg(long)]
        join: Option<f64>,
        /// Days over which a story's pull falls by a factor e.
        #[arg(long)]
        decay_days: Option<f64>,
        /// Days after its last article that a story takes no more.
        #[arg(long)]
        window_days: Option<f64>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Event coding on PLOVER gold standard records (a JSON array in the layout of
    /// `PLOVER_GSR_CAMEO.json`: sentence `text`, gold `event`, `source` and `target`
    /// actors): event-type accuracy and macro F1, actor and recipient accuracy, speed.
    #[command(after_help = "Examples:
  triangulate eval events --data ../shared/data/plover/PLOVER_GSR_CAMEO.json
  triangulate eval events --data data/events-dev/dev.json --json")]
    Events {
        /// The records file.
        #[arg(long)]
        data: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Write every record's outcome here as TSV (id, gold, ours, trigger, every
        /// category coded in the sentence, text), to read the errors.
        #[arg(long, value_name = "FILE")]
        predictions: Option<PathBuf>,
    },
    /// Counts and measurements on a MeasEval split folder (`text/DOCID.txt`,
    /// `tsv/DOCID.tsv`): quantity span exact and overlap P/R/F1, MeasEval-style EM and
    /// token-F1 scores, unit accuracy, measured-entity overlap F1 and speed.
    #[command(
        after_help = "Examples:\n  triangulate eval quantities --data data/measeval/trial\n  triangulate eval quantities --data data/measeval/trial --predictions quantulum3/ --system quantulum3"
    )]
    Quantities {
        /// The split's folder (with `text/` and `tsv/`).
        #[arg(long)]
        data: PathBuf,
        /// Score this folder of another system's `DOCID.tsv` files instead of extracting.
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Name of the system in the report.
        #[arg(long)]
        system: Option<String>,
        /// Write our predictions here as MeasEval `DOCID.tsv` files, to read the errors.
        #[arg(long)]
        write: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Quotes and their attribution on a folder in PolNeAR's layout (`text/NAME.txt`,
    /// `attributions/NAME_ANNOTATOR.ann`, brat standoff): exact and overlap span F1 for
    /// source, cue and content, attribution F1, speaker accuracy and speed.
    #[command(
        after_help = "Examples:\n  triangulate eval quotes --data ../shared/data/polnear/dev\n  triangulate eval quotes --data ../shared/data/polnear/dev --predictions textacy/ --system textacy"
    )]
    Quotes {
        /// The data set's folder.
        #[arg(long)]
        data: PathBuf,
        /// Score this folder of another system's `NAME.ann` files instead of extracting.
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Name of the system in the report.
        #[arg(long)]
        system: Option<String>,
        /// Write our predictions here as `NAME.ann` files, to read the errors.
        #[arg(long)]
        write: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
enum TrainCommand {
    /// The named-entity tagger, from CoNLL-style files (token first, tag last).
    ///
    /// Chooses the number of epochs on --dev, then trains the final model on train and
    /// dev together. The same data and seed give the same model file, byte for byte.
    /// Rebuild the binary afterwards to ship the new model.
    #[command(
        after_help = "Example:\n  triangulate train ner --train ../shared/data/conll2003/train.txt \\\n    --dev ../shared/data/conll2003/valid.txt --out models/ner/model.tsv.gz"
    )]
    Ner {
        /// Training file.
        #[arg(long)]
        train: PathBuf,
        /// Development file: picks the number of epochs, then joins the training data.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long, default_value = "models/ner/model.tsv.gz")]
        out: PathBuf,
        /// Most epochs (the exact number without --dev).
        #[arg(long, default_value_t = 20)]
        epochs: usize,
        /// Seed of the shuffling.
        #[arg(long, default_value_t = 20_030_601)]
        seed: u64,
        /// Train only the first stage (no document-level second pass).
        #[arg(long)]
        one_stage: bool,
        /// Drop features seen fewer times than this in the training data.
        #[arg(long, default_value_t = 1)]
        min_count: u32,
        /// Perceptrons per stage, each in its own seeded order, averaged into one model
        /// (as fast to tag with as one; training does this many times the work).
        #[arg(long, default_value_t = 4)]
        ensemble: usize,
    },
    /// The sentence classifier that picks a sentence's main event among those the verb
    /// dictionary codes, from records in the layout of PLOVER_GSR_CAMEO.json (`text`,
    /// `event`). Prints the classifier's own accuracy on --dev. The same data give the
    /// same model file, byte for byte. Rebuild the binary afterwards to ship the model.
    #[command(
        after_help = "Example:\n  triangulate train events --data data/events-synthetic/train.json \\\n    --dev data/events-synthetic/dev.json --out models/events/classifier.tsv"
    )]
    Events {
        /// Training records.
        #[arg(long)]
        data: PathBuf,
        /// Development records, to report the classifier's accuracy on.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long, default_value = "models/events/classifier.tsv")]
        out: PathBuf,
        /// Passes over the data.
        #[arg(long, default_value_t = 30)]
        epochs: usize,
        /// L2 penalty per example.
        #[arg(long, default_value_t = 1e-3)]
        l2: f32,
        /// Weights below this are left out of the model file (every negative one too:
        /// a word's evidence is kept where it points, which keeps the file small).
        #[arg(long, default_value_t = 1.0)]
        keep: f32,
        /// Words and pairs seen in fewer records are left out.
        #[arg(long, default_value_t = 3)]
        min_count: usize,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum EventsFormat {
    Text,
    Json,
    Plover,
    Gdelt,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

pub(crate) fn parse_published(s: &str) -> Result<Published, String> {
    let ok = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
        || chrono::DateTime::parse_from_rfc3339(s).is_ok();
    if !ok {
        return Err(format!("{s:?} is not a date (YYYY-MM-DD) or RFC 3339 time"));
    }
    Ok(Published {
        value: s.to_string(),
        source: DateSource::User,
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("triangulate: {}", error_chain(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, skipping a cause its parent already quotes
/// (library errors often put their source in their own message).
pub(crate) fn error_chain(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
    }
    line
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest(args) => {
            let mut store = open_store(&cli.db)?;
            let summary = ingest(&args, &cli.db, &mut *store)?;
            eprintln!(
                "ingested {} articles from {} inputs ({} new, {} already stored, {} failed) in {:.2}s",
                summary.articles.len(),
                summary.inputs,
                summary.new,
                summary.already_stored,
                summary.failures.len(),
                summary.seconds
            );
            // New articles join their stories now, so that `stories` has nothing to catch
            // up on; an articles-only ingest (the fast path) leaves it to `stories`.
            if args.defer {
                eprintln!(
                    "queued {} new articles for workers (triangulate worker --db {})",
                    summary.new, cli.db
                );
            } else if summary.new > 0 && !args.no_entities {
                let started = std::time::Instant::now();
                let clusterer =
                    stories::update(&mut *store).context("placing the new articles in stories")?;
                eprintln!(
                    "placed {} new articles in stories ({} articles in all) in {:.2}s",
                    summary.new,
                    clusterer.len(),
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(exit_for(&summary))
        }
        Command::Articles { json } => {
            let store = open_store(&cli.db)?;
            let list = store.articles()?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                out!("{}", render::article_table(&list));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, json } => {
            let store = open_store(&cli.db)?;
            let Some(article) = store.article(&id)? else {
                bail!("no article with id {id:?} in {}", cli.db);
            };
            let entities = store.article_entities(&article.id)?;
            let attributions = store.article_attributions(&article.id)?;
            let chronology = store.article_chronology(&article.id)?;
            let figures = store.article_figures(&article.id)?;
            let events = store.article_events(&article.id)?;
            if json {
                let mut value = serde_json::to_value(&article)?;
                value["entities"] = serde_json::to_value(&entities)?;
                value["attributions"] = serde_json::to_value(&attributions)?;
                value["chronology"] = serde_json::to_value(&chronology)?;
                value["figures"] = serde_json::to_value(&figures)?;
                value["events"] = serde_json::to_value(&events)?;
                outln!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                out!("{}", render::article_text(&article));
                out!("\nentities:\n{}", render::entities_text(&entities));
                if let Some(at) = &attributions {
                    out!(
                        "\nsources and quotes:\n{}",
                        render::attribution_summary_text(&article, at)
                    );
                }
                if let Some(c) = &chronology {
                    let today = chrono::Local::now().date_naive();
                    out!("\ndates:\n{}", timeline::dates_text(&article, c, today));
                }
                if let Some(f) = &figures {
                    out!("\nfigures:\n{}", figures::figures_text(f, "  "));
                }
                if let Some(e) = &events {
                    out!("\nevents:\n{}", events::events_section(e, "  "));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Entities { id, json } => {
            let store = open_store(&cli.db)?;
            match id {
                Some(id) => {
                    let Some(article) = store.article(&id)? else {
                        bail!("no article with id {id:?} in {}", cli.db);
                    };
                    let entities = store.article_entities(&article.id)?;
                    if json {
                        outln!("{}", serde_json::to_string_pretty(&entities)?);
                    } else {
                        out!("{}", render::entities_text(&entities));
                    }
                }
                None => {
                    let all = store.entities()?;
                    if json {
                        outln!("{}", serde_json::to_string_pretty(&all)?);
                    } else {
                        out!("{}", render::entity_table(&all));
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        command @ (Command::Quotes { .. } | Command::Sources { .. }) => {
            let (quotes, id, json) = match command {
                Command::Quotes { id, json } => (true, id, json),
                Command::Sources { id, json } => (false, id, json),
                _ => unreachable!("matched above"),
            };
            let store = open_store(&cli.db)?;
            let Some(article) = store.article(&id)? else {
                bail!("no article with id {id:?} in {}", cli.db);
            };
            let Some(at) = store.article_attributions(&article.id)? else {
                bail!(
                    "article {} has no attributions stored: it was ingested with --no-entities or by an older version; ingest it again",
                    article.id
                );
            };
            match (quotes, json) {
                (true, true) => outln!(
                    "{}",
                    serde_json::to_string_pretty(&render::quotes_json(&article, &at))?
                ),
                (true, false) => out!("{}", render::quotes_text(&article, &at)),
                (false, true) => outln!("{}", serde_json::to_string_pretty(&at)?),
                (false, false) => out!("{}", render::sources_text(&article, &at)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Stories { json } => {
            let mut store = open_store(&cli.db)?;
            let found = stories::stories(&mut *store)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&found)?);
            } else {
                out!("{}", stories::list_text(&found));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Story { id, json } => {
            let mut store = open_store(&cli.db)?;
            let found = stories::stories(&mut *store)?;
            let story = stories::find(&found, &id)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(story)?);
            } else {
                out!("{}", stories::story_text(story));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Timeline {
            ids,
            from,
            to,
            json,
        } => {
            let mut store = open_store(&cli.db)?;
            let ids = story_articles(&mut *store, ids)?;
            let (articles, unannotated) =
                stored_with(&*store, ids, &cli.db, |s, id| Ok(s.article_chronology(id)?))?;
            let today = chrono::Local::now().date_naive();
            let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
            let mut entries = timeline::entries(&articles, today);
            entries.retain(|e| {
                from.is_none_or(|f| e.to >= day(f)) && to.is_none_or(|t| e.from <= day(t))
            });
            if json {
                let publications: Vec<_> = articles
                    .iter()
                    .map(
                        |(a, c)| serde_json::json!({"article": a.id, "publication": c.publication}),
                    )
                    .collect();
                outln!(
                    "{}",
                    serde_json::to_string_pretty(
                        &serde_json::json!({"articles": publications, "entries": entries})
                    )?
                );
            } else {
                out!("{}", timeline::timeline_text(&articles, &entries));
            }
            if unannotated > 0 {
                eprintln!(
                    "triangulate: {unannotated} of the articles have no chronology stored (ingested with --no-entities or by an older version); ingest them again"
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Events {
            ids,
            types,
            actor,
            from,
            to,
            factual,
            format,
        } => {
            let mut store = open_store(&cli.db)?;
            let ids = story_articles(&mut *store, ids)?;
            let (found, unannotated) =
                stored_with(&*store, ids, &cli.db, |s, id| Ok(s.article_events(id)?))?;
            let mut articles = Vec::with_capacity(found.len());
            for (article, events) in found {
                articles.push(events::ArticleEvents {
                    chronology: store.article_chronology(&article.id)?,
                    article,
                    events,
                });
            }
            let filter = events::Filter {
                types,
                actor,
                from,
                to,
                factual,
            };
            match format {
                EventsFormat::Text => out!("{}", events::events_text(&articles, &filter)),
                EventsFormat::Json => outln!(
                    "{}",
                    serde_json::to_string_pretty(&events::events_json(&articles, &filter))?
                ),
                EventsFormat::Plover => out!("{}", events::events_plover(&articles, &filter)),
                EventsFormat::Gdelt => out!("{}", events::events_gdelt(&articles, &filter)),
            }
            if unannotated > 0 {
                eprintln!(
                    "triangulate: {unannotated} of the articles have no events stored (ingested with --no-entities or by an older version); ingest them again"
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { files, json } => extract(&files, json),
        Command::Report {
            ingest: args,
            format,
        } => {
            let mut store = open_store(&cli.db)?;
            let summary = ingest(&args, &cli.db, &mut *store)?;
            let mut seen = std::collections::HashSet::new();
            let mut articles = Vec::new();
            for id in &summary.articles {
                if seen.insert(id.clone()) {
                    if let Some(a) = store.article(id)? {
                        articles.push(a);
                    }
                }
            }
            // Workers finish in any order; the report reads in the order the inputs sort.
            articles.sort_by_cached_key(|a| natural_key(&a.input));
            let attributions = articles
                .iter()
                .map(|a| store.article_attributions(&a.id))
                .collect::<Result<Vec<_>, _>>()?;
            let chronologies = articles
                .iter()
                .map(|a| store.article_chronology(&a.id))
                .collect::<Result<Vec<_>, _>>()?;
            let figures = articles
                .iter()
                .map(|a| store.article_figures(&a.id))
                .collect::<Result<Vec<_>, _>>()?;
            let events = articles
                .iter()
                .map(|a| store.article_events(&a.id))
                .collect::<Result<Vec<_>, _>>()?;
            let stored = render::Stored {
                articles: &articles,
                attributions: &attributions,
                chronologies: &chronologies,
                figures: &figures,
                events: &events,
                today: chrono::Local::now().date_naive(),
            };
            let views = stories::stories(&mut *store)?;
            let ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
            let groups = dossier::by_storyline(&views, &ids);
            let (dossiers, texts) = dossier::dossiers(&*store, &views, &groups, &today())?;
            let out = match format {
                Format::Text => {
                    dossier::render(&dossiers, &texts, dossier::DossierFormat::Text)
                        + "\nARTICLES\n"
                        + &render::report_text(&stored, &summary)
                }
                Format::Markdown => {
                    dossier::render(&dossiers, &texts, dossier::DossierFormat::Markdown)
                        + "\n# Articles\n\n"
                        + &render::report_markdown(&stored, &summary)
                }
                Format::Html => dossier::render(&dossiers, &texts, dossier::DossierFormat::Html),
                Format::Json => {
                    let mut value = serde_json::to_value(render::report_json(&stored, &summary))?;
                    value["dossiers"] = serde_json::to_value(&dossiers)?;
                    serde_json::to_string_pretty(&value)? + "\n"
                }
            };
            out!("{out}");
            Ok(exit_for(&summary))
        }
        Command::Dossier { ids, format } => {
            let mut store = open_store(&cli.db)?;
            let views = stories::stories(&mut *store)?;
            let groups = dossier::groups_for(&views, &ids, &*store)?;
            if groups.is_empty() {
                eprintln!("triangulate: the store {} has no articles", cli.db);
                return Ok(ExitCode::SUCCESS);
            }
            let (dossiers, texts) = dossier::dossiers(&*store, &views, &groups, &today())?;
            let out = match format {
                Format::Text => dossier::render(&dossiers, &texts, dossier::DossierFormat::Text),
                Format::Markdown => {
                    dossier::render(&dossiers, &texts, dossier::DossierFormat::Markdown)
                }
                Format::Html => dossier::render(&dossiers, &texts, dossier::DossierFormat::Html),
                Format::Json => serde_json::to_string_pretty(&dossiers)? + "\n",
            };
            out!("{out}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => {
            let token = match args.token.filter(|t| !t.trim().is_empty()) {
                Some(t) => t,
                None => {
                    let t = serve::random_token()?;
                    eprintln!("write token (Authorization: Bearer ...): {t}");
                    t
                }
            };
            let opts = serve::ServeOptions {
                db: cli.db.clone(),
                bind: args.bind,
                port: args.port,
                token,
                rate: args.rate_limit.max(0.0),
                burst: args.burst.max(1.0),
                max_body: args.max_body_mib.max(1) * 1024 * 1024,
                readers: std::thread::available_parallelism().map_or(2, |n| n.get()) * 2,
            };
            let db = cli.db.to_string();
            serve::run(opts, |addr| {
                eprintln!("listening on http://{addr}");
                eprintln!(
                    "the store {db}: the page at http://{addr}/, the API at http://{addr}/api/"
                );
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queue { json } => {
            let store = cli.db.open_postgres("the work queue", "triangulate")?;
            let status = store.queue_status()?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&status)?);
            } else {
                outln!(
                    "{} articles pending, {} deferred ingests running, {} articles annotated by workers",
                    status.pending, status.open_jobs, status.processed_articles
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Worker {
            batch,
            threads,
            name,
            until_idle,
            poll_ms,
        } => {
            let report = worker::run(
                &cli.db,
                &worker::WorkerOptions {
                    batch,
                    threads,
                    name,
                    until_idle,
                    poll: std::time::Duration::from_millis(poll_ms),
                },
            )?;
            eprintln!(
                "worker {}: annotated {} articles ({} failed) in {:.2}s ({:.1}/s): \
                 {:.2}s annotating, {:.2}s claiming and committing, {:.2}s in {} story passes",
                report.name,
                report.processed,
                report.failed,
                report.seconds,
                report.processed as f64 / report.seconds.max(1e-9),
                report.annotate_seconds,
                report.store_seconds,
                report.place_seconds,
                report.placements
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Ner {
            data,
            predictions,
            system,
            types,
            model,
            write,
            beam,
            json,
        }) => {
            let types = types.as_deref();
            let report = match predictions {
                Some(pred) => tri_eval::ner::score_predictions(
                    &data,
                    &pred,
                    system.as_deref().unwrap_or("other"),
                    types,
                )
                .with_context(|| scoring(&pred, &data))?,
                None => {
                    let loaded;
                    let tagger = match model {
                        Some(path) => {
                            let bytes = std::fs::read(&path)
                                .with_context(|| format!("reading the model {}", path.display()))?;
                            loaded = tri_ner::Tagger::from_model_file(
                                &bytes,
                                tri_ner::bundled::lexicon(),
                            )
                            .with_context(|| format!("loading the model {}", path.display()))?
                            .with_beam(beam.unwrap_or(tri_ner::BEAM_WIDTH));
                            &loaded
                        }
                        None => tri_ner::bundled::tagger().map_err(|e| anyhow::anyhow!("{e}"))?,
                    };
                    tri_eval::ner::evaluate(tagger, &data, types, write.as_deref()).with_context(
                        || format!("evaluating named entities on {}", data.display()),
                    )?
                }
            };
            finish_eval(report, system, json)
        }
        Command::Eval(EvalCommand::Timex {
            data,
            predictions,
            system,
            errors,
            json,
        }) => eval_scored(
            &data,
            predictions.as_deref(),
            system,
            json,
            "temporal expressions",
            tri_eval::timex::score_predictions,
            |data| tri_eval::timex::evaluate(data, errors.as_deref()),
        ),
        Command::Eval(EvalCommand::Stories {
            data,
            label_field,
            join,
            decay_days,
            window_days,
            json,
        }) => {
            let mut config = tri_stories::StoryConfig::default();
            config.join = join.unwrap_or(config.join);
            config.decay_days = decay_days.unwrap_or(config.decay_days);
            config.window_days = window_days.unwrap_or(config.window_days);
            let report = tri_eval::stories::evaluate(&data, &label_field, config)
                .with_context(|| format!("evaluating stories on {}", data.display()))?;
            finish_eval(report, None, json)
        }
        Command::Eval(EvalCommand::Events {
            data,
            json,
            predictions,
        }) => {
            let report = tri_eval::events::evaluate(&data, predictions.as_deref())
                .with_context(|| format!("evaluating events on {}", data.display()))?;
            finish_eval(report, None, json)
        }
        Command::Eval(EvalCommand::Quantities {
            data,
            predictions,
            system,
            write,
            json,
        }) => eval_scored(
            &data,
            predictions.as_deref(),
            system,
            json,
            "quantities",
            tri_eval::quantities::score_predictions,
            |data| tri_eval::quantities::evaluate(data, write.as_deref()),
        ),
        Command::Eval(EvalCommand::Quotes {
            data,
            predictions,
            system,
            write,
            json,
        }) => eval_scored(
            &data,
            predictions.as_deref(),
            system,
            json,
            "quotes",
            tri_eval::quotes::score_predictions,
            |data| tri_eval::quotes::evaluate(data, write.as_deref()),
        ),
        Command::Train(TrainCommand::Events {
            data,
            dev,
            out,
            epochs,
            l2,
            keep,
            min_count,
        }) => train_events(
            &data,
            dev.as_deref(),
            &out,
            tri_events::TrainOptions {
                epochs,
                l2,
                keep,
                min_count,
                ..tri_events::TrainOptions::default()
            },
        ),
        Command::Train(TrainCommand::Ner {
            train,
            dev,
            out,
            epochs,
            seed,
            one_stage,
            min_count,
            ensemble,
        }) => train_ner(
            &train,
            dev.as_deref(),
            &out,
            tri_ner::train::TrainOptions {
                max_epochs: epochs,
                seed,
                min_count,
                two_stage: !one_stage,
                ensemble,
            },
        ),
        Command::Eval(EvalCommand::Extract { data, json }) => {
            let report = tri_eval::extraction::evaluate(&data)
                .with_context(|| format!("evaluating extraction on {}", data.display()))?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                out!("{}", report.table());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn train_events(
    data: &Path,
    dev: Option<&Path>,
    out: &Path,
    options: tri_events::TrainOptions,
) -> Result<ExitCode> {
    let read = |p: &Path| -> Result<Vec<(String, tri_model::EventType)>> {
        Ok(tri_eval::events::read(p)
            .with_context(|| format!("reading event records {}", p.display()))?
            .into_iter()
            .map(|r| (r.text, r.kind))
            .collect())
    };
    let examples = read(data)?;
    let model = tri_events::train_classifier(&examples, options);
    let accuracy = |set: &[(String, tri_model::EventType)]| {
        let right = set
            .iter()
            .filter(|(text, kind)| {
                let p = model.probabilities(&tri_events::sentence_features(text));
                let best = tri_model::EventType::ALL
                    .iter()
                    .copied()
                    .max_by(|a, b| {
                        tri_events::Classifier::probability(&p, *a)
                            .total_cmp(&tri_events::Classifier::probability(&p, *b))
                    })
                    .expect("sixteen categories");
                best == *kind
            })
            .count();
        right as f64 / set.len().max(1) as f64
    };
    outln!(
        "trained on {} records of {}: accuracy on them {:.3}",
        examples.len(),
        data.display(),
        accuracy(&examples)
    );
    if let Some(dev) = dev {
        let dev_examples = read(dev)?;
        outln!(
            "classifier alone on {} ({} records): accuracy {:.3}",
            dev.display(),
            dev_examples.len(),
            accuracy(&dev_examples)
        );
    }
    let header = format!(
        "Sentence classifier of the events stage: multinomial logistic regression over\n\
         lower-case words and word pairs. Lines: feature, PLOVER category, weight.\n\
         Trained by `triangulate train events --data {} --epochs {} --l2 {} --keep {} --min-count {}`.",
        data.display(),
        options.epochs,
        options.l2,
        options.keep,
        options.min_count
    );
    let text = model.write(&header);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(out, &text).with_context(|| format!("writing {}", out.display()))?;
    outln!(
        "wrote {} ({} bytes); rebuild to ship it",
        out.display(),
        text.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn train_ner(
    train: &Path,
    dev: Option<&Path>,
    out: &Path,
    options: tri_ner::train::TrainOptions,
) -> Result<ExitCode> {
    let epochs = options.max_epochs;
    let read = |p: &Path| {
        tri_ner::conll::read_file(p)
            .with_context(|| format!("reading training data {}", p.display()))
    };
    let train_docs = read(train)?;
    let dev_docs = dev.map(read).transpose()?;
    let lexicon = tri_ner::bundled::lexicon();
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(epochs as u64);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {prefix} [{bar:30}] epoch {pos}/{len} {msg}")
                .expect("valid template")
                .progress_chars("=> "),
        );
        bar.set_prefix("training");
        bar
    } else {
        ProgressBar::with_draw_target(Some(epochs as u64), ProgressDrawTarget::hidden())
    };
    let mut buffer = Vec::new();
    let report = tri_ner::train::train(
        &train_docs,
        dev_docs.as_deref(),
        &lexicon,
        &options,
        &mut buffer,
        &mut |event| match event {
            tri_ner::train::TrainEvent::Phase { name, epochs } => {
                bar.set_prefix(name);
                bar.set_length(epochs as u64);
                bar.set_position(0);
                bar.set_message("");
            }
            tri_ner::train::TrainEvent::Epoch { epoch, dev_f1 } => {
                bar.set_position(epoch as u64);
                if let Some(f1) = dev_f1 {
                    bar.set_message(format!("dev F1 {f1:.4}"));
                }
            }
        },
    )
    .context("training the named-entity model")?;
    bar.finish_and_clear();
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(out, &buffer).with_context(|| format!("writing the model {}", out.display()))?;
    for (stage, f1s) in report.dev_f1.iter().enumerate() {
        let f1s: Vec<String> = f1s.iter().map(|f| format!("{f:.4}")).collect();
        eprintln!("stage {} dev F1 by epoch: {}", stage + 1, f1s.join(" "));
    }
    let epochs: Vec<String> = report.epochs.iter().map(|e| e.to_string()).collect();
    eprintln!(
        "wrote {} ({} bytes): {} features, epochs {} over {} tokens, {:.1} s",
        out.display(),
        buffer.len(),
        report.features,
        epochs.join("+"),
        report.tokens,
        report.seconds
    );
    Ok(ExitCode::SUCCESS)
}

/// An evaluation's report, named after `system` when given: JSON, else its table.
fn finish_eval(
    mut report: impl tri_eval::Report,
    system: Option<String>,
    json: bool,
) -> Result<ExitCode> {
    if let Some(name) = system {
        *report.system_mut() = name;
    }
    print_report(&report, || report.table(), json)
}

/// An evaluation that either runs our pipeline on `data` or, given `predictions`, scores
/// another system's files against it with the same code; then prints the report.
fn eval_scored<R: tri_eval::Report, E: std::error::Error + Send + Sync + 'static>(
    data: &Path,
    predictions: Option<&Path>,
    system: Option<String>,
    json: bool,
    what: &str,
    score: impl FnOnce(&Path, &Path, &str) -> Result<R, E>,
    evaluate: impl FnOnce(&Path) -> Result<R, E>,
) -> Result<ExitCode> {
    let report = match predictions {
        Some(pred) => score(data, pred, system.as_deref().unwrap_or("other"))
            .with_context(|| scoring(pred, data))?,
        None => {
            evaluate(data).with_context(|| format!("evaluating {what} on {}", data.display()))?
        }
    };
    finish_eval(report, system, json)
}

fn scoring(predictions: &Path, data: &Path) -> String {
    format!(
        "scoring {} against {}",
        predictions.display(),
        data.display()
    )
}

/// An evaluation's report: JSON for programs, else its table.
fn print_report(
    report: &impl serde::Serialize,
    table: impl FnOnce() -> String,
    json: bool,
) -> Result<ExitCode> {
    if json {
        outln!("{}", serde_json::to_string_pretty(report)?);
    } else {
        out!("{}", table());
    }
    Ok(ExitCode::SUCCESS)
}

/// The articles with these ids (all when none is given) and what `get` reads of each,
/// with the number that have none stored (not annotated yet).
fn stored_with<T>(
    store: &dyn Store,
    ids: Vec<String>,
    db: &Db,
    get: impl Fn(&dyn Store, &str) -> Result<Option<T>>,
) -> Result<(Vec<(tri_model::Article, T)>, usize)> {
    let ids = if ids.is_empty() {
        store.articles()?.into_iter().map(|a| a.id).collect()
    } else {
        ids
    };
    let mut found = Vec::new();
    let mut unannotated = 0;
    for id in &ids {
        let Some(article) = store.article(id)? else {
            bail!("no article with id {id:?} in {db}");
        };
        match get(store, &article.id)? {
            Some(t) => found.push((article, t)),
            None => unannotated += 1,
        }
    }
    Ok((found, unannotated))
}

/// The ids given, with each story id (`s-...`) replaced by its articles' ids.
fn story_articles(store: &mut dyn Store, ids: Vec<String>) -> Result<Vec<String>> {
    if !ids.iter().any(|id| stories::is_story_id(id)) {
        return Ok(ids);
    }
    let found = stories::stories(store)?;
    let mut out = Vec::new();
    for id in ids {
        if stories::is_story_id(&id) {
            out.extend(
                stories::find(&found, &id)?
                    .articles
                    .iter()
                    .map(|m| m.id.clone()),
            );
        } else {
            out.push(id);
        }
    }
    Ok(out)
}

/// Today as `YYYY-MM-DD`, against which predictions fall due; `TRIANGULATE_TODAY`
/// fixes it (reproducible reports and tests).
pub(crate) fn today() -> String {
    std::env::var("TRIANGULATE_TODAY")
        .ok()
        .filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive().to_string())
}

pub(crate) fn open_store(db: &Db) -> Result<AnyStore> {
    db.open()
}

/// Sorts `feed.xml#10` after `feed.xml#9` and `wire.jsonl:10` after `wire.jsonl:9`.
fn natural_key(input: &str) -> (String, u64) {
    match input.rfind(['#', ':']) {
        Some(at) if input[at + 1..].bytes().all(|b| b.is_ascii_digit()) && at + 1 < input.len() => {
            (
                input[..at].to_string(),
                input[at + 1..].parse().unwrap_or(u64::MAX),
            )
        }
        _ => (input.to_string(), 0),
    }
}

fn exit_for(summary: &IngestSummary) -> ExitCode {
    if summary.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn options(args: &IngestArgs) -> Result<IngestOptions> {
    let annotator = if args.no_entities || args.defer {
        None
    } else {
        Some(tri_annotate::Annotator::bundled().context("loading the annotation models")?)
    };
    let mut opts = IngestOptions {
        annotator,
        read: ReadOptions {
            max_doc_bytes: args.max_doc_mib * 1024 * 1024,
            ..ReadOptions::default()
        },
        batch_size: args.batch_size.max(1),
        published: args.published.clone(),
        defer: args.defer,
        ..IngestOptions::default()
    };
    if let Some(jobs) = args.jobs {
        opts.jobs = jobs.max(1);
    }
    Ok(opts)
}

/// The store's database file and SQLite's companions to it, as canonical paths.
fn store_files(db: &Db) -> Vec<PathBuf> {
    let Some(Ok(db)) = db.path().map(Path::canonicalize) else {
        return Vec::new();
    };
    let mut files = vec![db.clone()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.clone().into_os_string();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files
}

/// Collects the inputs, reporting the missing ones as failures.
fn inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<tri_ingest::Failure>) {
    let (inputs, errors) = collect_inputs(paths);
    (
        inputs,
        errors.into_iter().map(tri_ingest::Failure::from).collect(),
    )
}

fn ingest(args: &IngestArgs, db: &Db, store: &mut dyn Store) -> Result<IngestSummary> {
    let (mut inputs, mut failures) = inputs(&args.paths);
    // `triangulate ingest .` next to the store must not read the store itself.
    let own = store_files(db);
    inputs.retain(|input| match input {
        Input::File(path) => path.canonicalize().map_or(true, |p| !own.contains(&p)),
        Input::Stdin | Input::Memory { .. } => true,
    });
    let bar = ProgressBar::with_draw_target(Some(inputs.len() as u64), progress_target());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} inputs, {msg}",
        )
        .expect("static template"),
    );
    bar.set_message("0 articles stored");
    // One big input can take minutes: keep the spinner and clock moving meanwhile.
    bar.enable_steady_tick(std::time::Duration::from_millis(250));
    let progress = BarProgress(bar.clone());
    let mut summary = tri_ingest::ingest(&inputs, store, &options(args)?, &progress)?;
    bar.finish_and_clear();
    failures.append(&mut summary.failures);
    summary.failures = failures;
    for f in &summary.failures {
        eprintln!("error: {}", f.message);
    }
    Ok(summary)
}

/// Writes to stdout; a closed pipe ends the program quietly with success.
fn write_stdout(text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        other => other,
    }
}

fn extract(files: &[PathBuf], json: bool) -> Result<ExitCode> {
    let (inputs, mut failures) = inputs(files);
    // One worker keeps the output in the order the files were given.
    let opts = IngestOptions {
        jobs: 1,
        ..IngestOptions::default()
    };
    let mut first = true;
    let mut write_error = None;
    tri_ingest::for_each_article(&inputs, &opts, &tri_ingest::Quiet, |item| {
        match item {
            Item::Article(article, _) => {
                let text = if json {
                    serde_json::to_string(&article).expect("articles serialise") + "\n"
                } else if first {
                    render::article_text(&article)
                } else {
                    format!("\n{}", render::article_text(&article))
                };
                first = false;
                if let Err(e) = write_stdout(&text) {
                    write_error = Some(e);
                    return false;
                }
            }
            Item::Failed(f) => failures.push(f),
            Item::InputDone(_) => {}
        }
        true
    });
    if let Some(e) = write_error {
        return Err(anyhow::Error::from(e).context("writing to stdout"));
    }
    for f in &failures {
        eprintln!("error: {}", f.message);
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A bar on a terminal, nothing otherwise (logs and pipes stay clean).
fn progress_target() -> ProgressDrawTarget {
    if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    }
}

struct BarProgress(ProgressBar);
impl Progress for BarProgress {
    fn input_done(&self, _bytes: u64) {
        self.0.inc(1);
    }
    fn committed(&self, articles: usize) {
        self.0.set_message(format!("{articles} articles stored"));
    }
}
