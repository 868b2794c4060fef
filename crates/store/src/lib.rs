//! Where Triangulate keeps its articles.
//!
//! Ingest hands extracted [`Article`]s to a [`Store`]; every later stage (clustering,
//! search, the CLI and HTTP views) reads them back from it. The [`Store`] trait is the
//! one interface to storage: [`SqliteStore`] is the embedded default (one file in a local
//! directory, or in memory for tests); [`PgStore`] is one PostgreSQL database shared by
//! many processes on many machines, with the work queue of `triangulate worker`. Both
//! pass the same contract tests (`src/contract_tests.rs`).
//!
//! ```
//! use tri_store::{SqliteStore, Store};
//! use tri_model::{article_id, Article, InputFormat};
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! let text = "Kyiv was attacked overnight.".to_string();
//! let article = Article {
//!     id: article_id(&text),
//!     title: Some("Overnight attack".into()),
//!     byline: None, outlet: None, url: None, feed: None, published: None, language: None,
//!     text,
//!     input: "-".into(),
//!     format: InputFormat::Text,
//!     charset: "UTF-8".into(),
//!     removed: vec![],
//! };
//! let outcome = store.put_articles(&[article.clone()])?;
//! assert_eq!(outcome.inserted, vec![article.id.clone()]);
//! assert_eq!(store.article(&article.id[..6])?, Some(article));
//! # Ok::<(), tri_store::StoreError>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
mod migrations;
mod postgres;
mod sqlite;

use std::collections::HashSet;

use serde::Serialize;
use tri_model::{
    Article, Attributions, Chronology, Entity, EntityKind, Event, Figure, InputFormat, Published,
};

pub use error::StoreError;
pub use migrations::SCHEMA_VERSION;
pub use postgres::{is_postgres_url, redact, PgStore, PG_SCHEMA_VERSION};
pub use sqlite::SqliteStore;

/// The shortest id prefix [`Store::article`] accepts; shorter ones must be full ids.
pub const MIN_PREFIX_LEN: usize = 4;

/// Storage for articles. Implementations must be idempotent on article ids: an article
/// is immutable once stored, and storing it again changes nothing.
pub trait Store {
    /// Stores a batch in one transaction: either all new articles are stored or none.
    /// Articles whose id is already stored are left as they are. An id repeated within
    /// the batch counts once (the first occurrence is stored).
    fn put_articles(&mut self, articles: &[Article]) -> Result<PutOutcome, StoreError>;

    /// The article with this full id, or with this unique id prefix of at least
    /// [`MIN_PREFIX_LEN`] characters. `Ok(None)` when nothing matches;
    /// [`StoreError::Ambiguous`] (listing candidates) when several do;
    /// [`StoreError::PrefixTooShort`] for a short prefix that is not a full id.
    fn article(&self, id_or_prefix: &str) -> Result<Option<Article>, StoreError>;

    /// Summaries of all articles, oldest publication first (articles with no known
    /// publication time last), ties broken by id.
    fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError>;

    /// How many articles are stored.
    fn count(&self) -> Result<u64, StoreError>;

    /// Which of these ids are already stored, so ingest can skip work on re-runs.
    fn known_ids(&self, ids: &[String]) -> Result<HashSet<String>, StoreError>;

    /// Articles whose title or text contains every word of `query` (case- and
    /// accent-insensitive; punctuation separates words), best match first, ties broken
    /// by id. The query is plain words, not a query language: quotes, `AND`, `*` and the
    /// like are taken as text. An empty query finds nothing.
    fn search(&self, query: &str) -> Result<Vec<ArticleSummary>, StoreError>;

    /// One page of [`Store::search`]: how many articles match, and the summaries of
    /// `limit` of them from `offset`, best match first (ties in storage order). Cheaper
    /// than the whole ranked list when a query matches thousands.
    fn search_page(
        &self,
        query: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<ArticleSummary>), StoreError>;

    /// Replaces the entities of stored articles, in one transaction: per article id, the
    /// entities the annotator (named with its version) found. Ids not stored are
    /// skipped. Replacing rather than adding keeps re-annotation idempotent.
    fn put_entities(
        &mut self,
        batch: &[(String, Vec<Entity>)],
        annotator: &str,
    ) -> Result<(), StoreError>;

    /// The entities of the article with this full id, in order of first mention.
    fn article_entities(&self, id: &str) -> Result<Vec<Entity>, StoreError>;

    /// Replaces the quotes, sources and provenance of stored articles, in one
    /// transaction. Ids not stored are skipped. Store these before the same articles'
    /// [`Store::put_entities`], which marks them annotated: a crash between the two then
    /// leaves the articles to be annotated again rather than without attributions.
    fn put_attributions(&mut self, batch: &[(String, Attributions)]) -> Result<(), StoreError>;

    /// The attributions of the article with this full id; `None` when it has not been
    /// annotated.
    fn article_attributions(&self, id: &str) -> Result<Option<Attributions>, StoreError>;

    /// Replaces the chronology of stored articles (publication date, temporal
    /// expressions, flags, predictions), in one transaction; like
    /// [`Store::put_attributions`], store it before the entities.
    fn put_chronologies(&mut self, batch: &[(String, Chronology)]) -> Result<(), StoreError>;

    /// The chronology of the article with this full id; `None` when it has not been
    /// annotated.
    fn article_chronology(&self, id: &str) -> Result<Option<Chronology>, StoreError>;

    /// Replaces the figures of stored articles, in one transaction; like
    /// [`Store::put_attributions`], store them before the entities.
    fn put_figures(&mut self, batch: &[(String, Vec<Figure>)]) -> Result<(), StoreError>;

    /// The figures of the article with this full id; `None` when it has not been
    /// annotated.
    fn article_figures(&self, id: &str) -> Result<Option<Vec<Figure>>, StoreError>;

    /// Replaces the events of stored articles, in one transaction; like
    /// [`Store::put_attributions`], store them before the entities.
    fn put_events(&mut self, batch: &[(String, Vec<Event>)]) -> Result<(), StoreError>;

    /// The events of the article with this full id; `None` when it has not been
    /// annotated.
    fn article_events(&self, id: &str) -> Result<Option<Vec<Event>>, StoreError>;

    /// Every canonical entity in the store with how many articles mention it, most
    /// mentioned first, ties broken by key.
    fn entities(&self) -> Result<Vec<EntitySummary>, StoreError>;

    /// The ids of every article whose entities come from this annotator version, so
    /// ingest can skip annotating them again.
    fn annotated_with(&self, annotator: &str) -> Result<HashSet<String>, StoreError>;

    /// A stage's saved state (the story clusterer's), as it was last put; `None` when
    /// none was saved.
    fn state(&self, name: &str) -> Result<Option<String>, StoreError>;

    /// Saves a stage's state whole, replacing the previous one, with the number of
    /// articles it covers, and the story placements it settled (article id, story
    /// number, placement as JSON), in one transaction. With `fresh`, the placements
    /// saved before are dropped first: the state starts again.
    fn put_state(
        &mut self,
        name: &str,
        articles: u64,
        state: &str,
        placements: &[(String, u64, String)],
        fresh: bool,
    ) -> Result<(), StoreError>;

    /// What story placement reads of each of these articles, in the order given: the
    /// article, its attributions (`None` when not annotated) and the publication date
    /// its chronology inferred (`YYYY-MM-DD`, when annotated and found). Ids not stored
    /// are left out. Stores where each read is a round trip read them all at once.
    fn story_inputs(&self, ids: &[String]) -> Result<Vec<StoryRead>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(article) = self.article(id)? else {
                continue;
            };
            let attributions = self.article_attributions(&article.id)?;
            let inferred = match article.published {
                Some(_) => None,
                None => self
                    .article_chronology(&article.id)?
                    .and_then(|c| c.publication)
                    .map(|p| p.date),
            };
            out.push(StoryRead {
                article,
                attributions,
                inferred_date: inferred,
            });
        }
        Ok(out)
    }

    /// How many articles the saved state of a stage covers (as given to
    /// [`Store::put_state`]); `None` when none was saved. Cheaper than reading the state.
    fn state_articles(&self, name: &str) -> Result<Option<u64>, StoreError>;

    /// How many articles are ready to be placed in stories (see
    /// [`Store::articles_without_story`]): all of them, on a store without a work queue.
    fn articles_ready(&self) -> Result<u64, StoreError> {
        self.count()
    }

    /// Every settled story placement: article id, story number, placement as JSON.
    fn story_placements(&self) -> Result<Vec<(String, u64, String)>, StoreError>;

    /// The ids of the articles with no settled story placement, in the order they were
    /// stored: the new ones and those of stories still open. Only articles ready to be
    /// placed: on a store with a work queue, not those waiting for a worker (see
    /// [`PgStore`]).
    fn articles_without_story(&self) -> Result<Vec<String>, StoreError>;

    /// The ids of every article ready to be placed in a story (see
    /// [`Store::articles_without_story`]), oldest publication first as
    /// [`Store::articles`] lists them: what the clusterer takes when it starts again.
    fn articles_to_cluster(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.articles()?.into_iter().map(|a| a.id).collect())
    }

    /// Stores a batch for workers to annotate later (`ingest --defer`): the articles as
    /// [`Store::put_articles`] stores them, and the new ones queued as pending, in one
    /// transaction. Calls until [`Store::finish_deferred`] make one job. Only stores with
    /// a work queue can.
    fn put_articles_deferred(&mut self, articles: &[Article]) -> Result<PutOutcome, StoreError> {
        let _ = articles;
        Err(StoreError::Unsupported {
            store: self.describe(),
            what: "deferring annotation to workers needs a PostgreSQL store (--db postgres://...)"
                .into(),
        })
    }

    /// Marks the job of [`Store::put_articles_deferred`] complete: its articles may be
    /// placed in stories once workers have annotated them all.
    fn finish_deferred(&mut self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Waits for, and takes, the exclusive right to run a stage over the whole store
    /// (story placement), held until [`Store::unlock_stage`] or the connection ends.
    /// Stores that one process at a time writes need not lock.
    fn lock_stage(&mut self, name: &str) -> Result<(), StoreError> {
        let _ = name;
        Ok(())
    }

    /// [`Store::lock_stage`] without waiting: whether the lock was taken.
    fn try_lock_stage(&mut self, name: &str) -> Result<bool, StoreError> {
        let _ = name;
        Ok(true)
    }

    /// Gives up [`Store::lock_stage`].
    fn unlock_stage(&mut self, name: &str) -> Result<(), StoreError> {
        let _ = name;
        Ok(())
    }

    /// Brings the search index up to date, so the next search need not. A server calls
    /// it after writes; stores that index as they write need do nothing.
    fn update_search_index(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// A number that changes whenever anything readers show changes (articles,
    /// annotations, story placements), so a server knows when to refresh its views.
    fn changes(&self) -> Result<u64, StoreError> {
        self.count()
    }

    /// The store's path or connection string (password hidden), for messages.
    fn describe(&self) -> String;
}

/// One article as story placement reads it ([`Store::story_inputs`]).
#[derive(Debug, Clone)]
pub struct StoryRead {
    /// The article.
    pub article: Article,
    /// Its attributions, when annotated.
    pub attributions: Option<Attributions>,
    /// The publication date its chronology inferred, for articles whose metadata has
    /// none.
    pub inferred_date: Option<String>,
}

/// One article's annotations, as a worker hands them to [`PgStore::complete`].
#[derive(Debug, Clone, Default)]
pub struct AnnotatedArticle {
    /// The article id.
    pub id: String,
    /// Its entities.
    pub entities: Vec<Entity>,
    /// Its quotes, sources and provenance.
    pub attributions: Attributions,
    /// Its chronology.
    pub chronology: Chronology,
    /// Its figures.
    pub figures: Vec<Figure>,
    /// Its events.
    pub events: Vec<Event>,
}

/// How a PostgreSQL store's work queue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QueueStatus {
    /// Articles waiting for a worker.
    pub pending: u64,
    /// Deferred ingest jobs still open (their ingest is running).
    pub open_jobs: u64,
    /// Articles annotated by workers, counting repeats.
    pub processed: u64,
    /// Distinct articles annotated by workers.
    pub processed_articles: u64,
}

/// How many candidates [`StoreError::Ambiguous`] lists.
pub(crate) const MAX_CANDIDATES: usize = 10;

/// [`Store::article`] for any store: the article with this exact id, else the one id
/// starting with this prefix. `exact` reads one article by id; `with_prefix` lists up to
/// `limit` stored ids starting with a prefix, in id order.
pub(crate) fn article_by_prefix(
    id_or_prefix: &str,
    exact: impl Fn(&str) -> Result<Option<Article>, StoreError>,
    with_prefix: impl Fn(&str, usize) -> Result<Vec<String>, StoreError>,
) -> Result<Option<Article>, StoreError> {
    if let Some(article) = exact(id_or_prefix)? {
        return Ok(Some(article));
    }
    if id_or_prefix.chars().count() < MIN_PREFIX_LEN {
        return Err(StoreError::PrefixTooShort {
            prefix: id_or_prefix.to_string(),
        });
    }
    let mut ids = with_prefix(id_or_prefix, MAX_CANDIDATES + 1)?;
    match ids.len() {
        0 => Ok(None),
        1 => exact(&ids[0]),
        _ => {
            let more = ids.len() > MAX_CANDIDATES;
            ids.truncate(MAX_CANDIDATES);
            Err(StoreError::Ambiguous {
                prefix: id_or_prefix.to_string(),
                candidates: ids,
                more,
            })
        }
    }
}

/// The entity kind stored under `name` (as [`EntityKind::as_str`] writes it), if any.
pub(crate) fn entity_kind(name: &str) -> Option<EntityKind> {
    [
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Place,
        EntityKind::Group,
    ]
    .into_iter()
    .find(|k| k.as_str() == name)
}

/// A canonical entity across the store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntitySummary {
    /// The canonical key (see [`Entity::key`]).
    pub key: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Wikidata id, when known.
    pub wikidata: Option<String>,
    /// Articles that mention it.
    pub articles: u64,
    /// Mentions over all articles.
    pub mentions: u64,
    /// Every surface form used for it, over all articles.
    pub aliases: Vec<String>,
}

/// What [`Store::put_articles`] did with a batch, ids in batch order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PutOutcome {
    /// Ids stored by this call.
    pub inserted: Vec<String>,
    /// Ids that were stored before this call and were left as they were.
    pub existing: Vec<String>,
}

/// The metadata of an article without its text, as listings show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleSummary {
    /// The article id (see [`Article::id`]).
    pub id: String,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication or site name, when known.
    pub outlet: Option<String>,
    /// Publication time as stored, and how it was learned.
    pub published: Option<Published>,
    /// ISO 639-1 language code, when known.
    pub language: Option<String>,
    /// Length of the text in characters (Unicode scalar values).
    pub chars: u64,
    /// The input it was read from (see [`Article::input`]).
    pub input: String,
    /// The container format it was read from.
    pub format: InputFormat,
}
