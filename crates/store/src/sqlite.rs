//! The embedded store: one SQLite file (or an in-memory database for tests).
//!
//! The database runs in WAL mode with `synchronous=NORMAL`: a committed batch survives
//! the process being killed at any point (a power cut may lose the last few commits but
//! never corrupts the file). Readers in other processes do not block the writer, and a
//! busy timeout makes concurrent writers wait instead of failing at once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::Serialize;
use tri_model::{Article, Attributions, Chronology, DateSource, Entity, Event, Figure, Published};

use crate::migrations::{self, Migration, MIGRATIONS};
use crate::{ArticleSummary, EntitySummary, PutOutcome, Store, StoreError};

/// How long a write waits for another connection's lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

const INSERT_ARTICLE: &str = "
INSERT INTO articles (
    id, title, byline, outlet, url, feed,
    published, published_source, published_utc,
    language, text, chars, input, format, charset, removed
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6,
    ?7, ?8, coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', ?7), ?7),
    ?9, ?10, ?11, ?12, ?13, ?14, ?15
)
ON CONFLICT (id) DO NOTHING";

const SELECT_ARTICLE: &str = "
SELECT id, title, byline, outlet, url, feed, published, published_source,
       language, text, input, format, charset, removed
FROM articles WHERE id = ?1";

/// Columns read by [`read_summary`], prefixed by the articles table's alias `a`.
const SUMMARY_COLUMNS: &str = "a.id, a.title, a.outlet, a.published, a.published_source, \
                               a.language, a.chars, a.input, a.format";

/// A [`Store`] in a SQLite database.
pub struct SqliteStore {
    conn: Connection,
    /// The database file, or `:memory:`; named in every error.
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens the store in the database file at `path`, creating the file if it does not
    /// exist (its directory must), and applies any schema migrations it lacks.
    ///
    /// Fails with [`StoreError::Open`] when the file cannot be opened or is not a
    /// SQLite database, and with [`StoreError::SchemaTooNew`] when a newer build has
    /// upgraded it past what this build knows.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, MIGRATIONS)
    }

    /// Opens a fresh store that lives in memory only, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::open_in_memory_with(MIGRATIONS)
    }

    fn open_with(path: &Path, migrations: &[Migration]) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Self::init(conn, path.to_path_buf(), migrations)
    }

    fn open_in_memory_with(migrations: &[Migration]) -> Result<Self, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Self::init(conn, path, migrations)
    }

    fn init(
        mut conn: Connection,
        path: PathBuf,
        migrations: &[Migration],
    ) -> Result<Self, StoreError> {
        configure(&conn).map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        migrations::migrate(&mut conn, &path, migrations)?;
        Ok(SqliteStore { conn, path })
    }

    /// The schema version of the open database (equal to [`crate::SCHEMA_VERSION`]
    /// once [`open`](Self::open) has returned).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrations::current_version(&self.conn).map_err(|e| self.sql_err(e))
    }

    /// The database file this store was opened on (`:memory:` for an in-memory one).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes each `(id, value)` of `batch` whose article is stored, in one transaction:
    /// `write` gets the transaction, the article's row number and the value. Ids not
    /// stored are skipped.
    /// The JSON record `table` keeps for the article with this full id, parsed; `None`
    /// when the article has no row there.
    fn article_detail<T: serde::de::DeserializeOwned>(
        &self,
        table: &'static str,
        field: &'static str,
        id: &str,
    ) -> Result<Option<T>, StoreError> {
        let detail: Option<String> = self
            .conn
            .prepare_cached(&format!(
                "SELECT t.detail FROM {table} t JOIN articles a ON a.seq = t.article_seq \
                 WHERE a.id = ?1"
            ))
            .and_then(|mut stmt| stmt.query_row([id], |row| row.get(0)).optional())
            .map_err(|e| self.sql_err(e))?;
        detail
            .map(|d| {
                serde_json::from_str(&d).map_err(|e| StoreError::Corrupt {
                    path: self.path.clone(),
                    id: id.to_string(),
                    field,
                    detail: e.to_string(),
                })
            })
            .transpose()
    }

    fn per_stored_article<T>(
        &mut self,
        batch: &[(String, T)],
        mut write: impl FnMut(&rusqlite::Transaction<'_>, i64, &T) -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let path = self.path.clone();
        let err = sqlite_error(&path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        for (id, value) in batch {
            let seq = tx
                .prepare_cached("SELECT seq FROM articles WHERE id = ?1")
                .and_then(|mut q| q.query_row([id], |row| row.get::<_, i64>(0)).optional())
                .map_err(err)?;
            if let Some(seq) = seq {
                write(&tx, seq, value).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    fn sql_err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// The article with exactly this id.
    fn article_exact(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(SELECT_ARTICLE)
            .map_err(|e| self.sql_err(e))?;
        stmt.query_row([id], |row| read_article(row, &self.path))
            .optional()
            .map_err(|e| self.sql_err(e))?
            .transpose()
    }

    /// Up to `limit` stored ids starting with `prefix`, in id order.
    fn ids_with_prefix(&self, prefix: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        // Ids sharing a prefix form one contiguous run in id (byte) order, starting at
        // the first id >= prefix; the primary-key index finds it directly.
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE id >= ?1 ORDER BY id LIMIT ?2")
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map((prefix, limit as i64), |row| row.get::<_, String>(0))
            .map_err(|e| self.sql_err(e))?;
        let mut ids = Vec::new();
        for id in rows {
            let id = id.map_err(|e| self.sql_err(e))?;
            if !id.starts_with(prefix) {
                break;
            }
            ids.push(id);
        }
        Ok(ids)
    }

    fn summaries(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map(params, |row| read_summary(row, &self.path))
            .map_err(|e| self.sql_err(e))?;
        let mut out = Vec::new();
        for summary in rows {
            out.push(summary.map_err(|e| self.sql_err(e))??);
        }
        Ok(out)
    }
}

impl Store for SqliteStore {
    fn put_articles(&mut self, articles: &[Article]) -> Result<PutOutcome, StoreError> {
        let mut outcome = PutOutcome::default();
        if articles.is_empty() {
            return Ok(outcome);
        }
        let err = |source| StoreError::Sqlite {
            path: self.path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        {
            let mut insert = tx.prepare_cached(INSERT_ARTICLE).map_err(err)?;
            let mut seen = HashSet::with_capacity(articles.len());
            for article in articles {
                if !seen.insert(article.id.as_str()) {
                    continue;
                }
                let removed = serde_json::to_string(&article.removed)
                    .expect("a list of strings always serializes");
                let (published, published_source) = match &article.published {
                    Some(p) => (Some(p.value.as_str()), Some(enum_name(&p.source))),
                    None => (None, None),
                };
                let changed = insert
                    .execute(rusqlite::params![
                        article.id,
                        article.title,
                        article.byline,
                        article.outlet,
                        article.url,
                        article.feed,
                        published,
                        published_source,
                        article.language,
                        article.text,
                        article.text.chars().count() as i64,
                        article.input,
                        article.format.as_str(),
                        article.charset,
                        removed,
                    ])
                    .map_err(err)?;
                if changed == 1 {
                    outcome.inserted.push(article.id.clone());
                } else {
                    outcome.existing.push(article.id.clone());
                }
            }
        }
        tx.commit().map_err(err)?;
        Ok(outcome)
    }

    fn article(&self, id_or_prefix: &str) -> Result<Option<Article>, StoreError> {
        crate::article_by_prefix(
            id_or_prefix,
            |id| self.article_exact(id),
            |prefix, limit| self.ids_with_prefix(prefix, limit),
        )
    }

    fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a \
             ORDER BY a.published_utc IS NULL, a.published_utc, a.id"
        );
        self.summaries(&sql, [])
    }

    fn count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
            .map_err(|e| self.sql_err(e))?;
        Ok(n as u64)
    }

    fn known_ids(&self, ids: &[String]) -> Result<HashSet<String>, StoreError> {
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        // One statement for the whole list: the ids travel as one JSON array.
        let list = serde_json::to_string(ids).expect("a list of strings always serializes");
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?1))")
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([list], |row| row.get::<_, String>(0))
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql_err(e))
    }

    fn put_entities(
        &mut self,
        batch: &[(String, Vec<Entity>)],
        annotator: &str,
    ) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, seq, entities| {
            tx.prepare_cached("DELETE FROM article_entities WHERE article_seq = ?1")?
                .execute([seq])?;
            let mut entity = tx.prepare_cached(
                "INSERT INTO entities (key, kind, name, wikidata, country, stands_for) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(key) DO UPDATE SET \
                 wikidata = coalesce(entities.wikidata, excluded.wikidata), \
                 country = coalesce(entities.country, excluded.country), \
                 stands_for = coalesce(entities.stands_for, excluded.stands_for)",
            )?;
            let mut link = tx.prepare_cached(
                "INSERT INTO article_entities (article_seq, key, first_at, mentions, detail) \
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(article_seq, key) DO UPDATE SET \
                 first_at = excluded.first_at, mentions = excluded.mentions, detail = excluded.detail",
            )?;
            for e in entities {
                entity.execute(rusqlite::params![
                    e.key,
                    e.kind.as_str(),
                    e.name,
                    e.wikidata,
                    e.country,
                    e.stands_for
                ])?;
                let first_at = e.mentions.iter().map(|m| m.span.start).min().unwrap_or(0);
                let detail = serde_json::to_string(e).expect("an entity always serializes");
                link.execute(rusqlite::params![
                    seq,
                    e.key,
                    first_at as i64,
                    e.mentions.len() as i64,
                    detail
                ])?;
            }
            tx.prepare_cached(
                "INSERT INTO annotations (article_seq, annotator) VALUES (?1, ?2) \
                 ON CONFLICT(article_seq) DO UPDATE SET annotator = excluded.annotator, \
                 annotated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            )?
            .execute(rusqlite::params![seq, annotator])?;
            Ok(())
        })
    }

    fn put_attributions(&mut self, batch: &[(String, Attributions)]) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, seq, at| {
            let origin = at
                .provenance
                .origin
                .map(|o| at.provenance.cited[o].name.clone());
            let detail = serde_json::to_string(at).expect("attributions always serialize");
            tx.prepare_cached(
                "INSERT INTO article_attributions (article_seq, quotes, sources, origin, detail) \
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(article_seq) DO UPDATE SET \
                 quotes = excluded.quotes, sources = excluded.sources, \
                 origin = excluded.origin, detail = excluded.detail",
            )?
            .execute(rusqlite::params![
                seq,
                at.quotes.len() as i64,
                at.sources.len() as i64,
                origin,
                detail
            ])?;
            Ok(())
        })
    }

    fn article_attributions(&self, id: &str) -> Result<Option<Attributions>, StoreError> {
        self.article_detail("article_attributions", "attributions", id)
    }

    fn put_chronologies(&mut self, batch: &[(String, Chronology)]) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, seq, c| {
            let (published, evidence) = match &c.publication {
                Some(p) => (
                    Some(p.date.as_str()),
                    serde_json::to_value(p.evidence)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string)),
                ),
                None => (None, None),
            };
            let next_due = c.predictions.iter().map(|p| p.due.as_str()).min();
            let detail = serde_json::to_string(c).expect("a chronology always serializes");
            tx.prepare_cached(
                "INSERT INTO article_chronology \
                 (article_seq, published, evidence, timexes, flags, predictions, next_due, detail) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(article_seq) DO UPDATE SET \
                 published = excluded.published, evidence = excluded.evidence, \
                 timexes = excluded.timexes, flags = excluded.flags, \
                 predictions = excluded.predictions, next_due = excluded.next_due, \
                 detail = excluded.detail",
            )?
            .execute(rusqlite::params![
                seq,
                published,
                evidence,
                c.timexes.len() as i64,
                c.flags.len() as i64,
                c.predictions.len() as i64,
                next_due,
                detail
            ])?;
            Ok(())
        })
    }

    fn article_chronology(&self, id: &str) -> Result<Option<Chronology>, StoreError> {
        self.article_detail("article_chronology", "chronology", id)
    }

    fn put_figures(&mut self, batch: &[(String, Vec<Figure>)]) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, seq, figures| {
            let detail = serde_json::to_string(figures).expect("figures always serialize");
            tx.prepare_cached(
                "INSERT INTO article_figures (article_seq, figures, detail) VALUES (?1, ?2, ?3) \
                 ON CONFLICT(article_seq) DO UPDATE SET \
                 figures = excluded.figures, detail = excluded.detail",
            )?
            .execute(rusqlite::params![seq, figures.len() as i64, detail])?;
            Ok(())
        })
    }

    fn article_figures(&self, id: &str) -> Result<Option<Vec<Figure>>, StoreError> {
        self.article_detail("article_figures", "figures", id)
    }

    fn put_events(&mut self, batch: &[(String, Vec<Event>)]) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, seq, events| {
            let detail = serde_json::to_string(events).expect("events always serialize");
            tx.prepare_cached(
                "INSERT INTO article_events (article_seq, events, detail) VALUES (?1, ?2, ?3) \
                 ON CONFLICT(article_seq) DO UPDATE SET \
                 events = excluded.events, detail = excluded.detail",
            )?
            .execute(rusqlite::params![seq, events.len() as i64, detail])?;
            Ok(())
        })
    }

    fn article_events(&self, id: &str) -> Result<Option<Vec<Event>>, StoreError> {
        self.article_detail("article_events", "events", id)
    }

    fn article_entities(&self, id: &str) -> Result<Vec<Entity>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT ae.detail FROM article_entities ae JOIN articles a ON a.seq = ae.article_seq \
                 WHERE a.id = ?1 ORDER BY ae.first_at, ae.key",
            )
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([id], |row| row.get::<_, String>(0))
            .map_err(|e| self.sql_err(e))?;
        let mut out = Vec::new();
        for detail in rows {
            let detail = detail.map_err(|e| self.sql_err(e))?;
            let entity = serde_json::from_str(&detail).map_err(|e| StoreError::Corrupt {
                path: self.path.clone(),
                id: id.to_string(),
                field: "entities",
                detail: e.to_string(),
            })?;
            out.push(entity);
        }
        Ok(out)
    }

    fn entities(&self) -> Result<Vec<EntitySummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT e.key, e.kind, e.name, e.wikidata, count(*), sum(ae.mentions), \
                 (SELECT json_group_array(DISTINCT j.value) FROM article_entities x, \
                  json_each(x.detail, '$.aliases') j WHERE x.key = e.key) \
                 FROM entities e JOIN article_entities ae ON ae.key = e.key \
                 GROUP BY e.key ORDER BY count(*) DESC, sum(ae.mentions) DESC, e.key",
            )
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, i64>(4)?,
                    row.get::<_, i64>(5)?,
                    row.get::<_, String>(6)?,
                ))
            })
            .map_err(|e| self.sql_err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (key, kind, name, wikidata, articles, mentions, aliases) =
                row.map_err(|e| self.sql_err(e))?;
            let corrupt = |field: &'static str, detail: String| StoreError::Corrupt {
                path: self.path.clone(),
                id: key.clone(),
                field,
                detail,
            };
            let kind =
                crate::entity_kind(&kind).ok_or_else(|| corrupt("entity kind", kind.clone()))?;
            let mut aliases: Vec<String> = serde_json::from_str(&aliases)
                .map_err(|e| corrupt("entity aliases", e.to_string()))?;
            aliases.sort();
            out.push(EntitySummary {
                key,
                kind,
                name,
                wikidata,
                articles: articles as u64,
                mentions: mentions as u64,
                aliases,
            });
        }
        Ok(out)
    }

    fn state(&self, name: &str) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row(
                "SELECT state FROM clusterer_state WHERE name = ?1",
                [name],
                |row| row.get::<_, String>(0),
            )
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    fn put_state(
        &mut self,
        name: &str,
        articles: u64,
        state: &str,
        placements: &[(String, u64, String)],
        fresh: bool,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = sqlite_error(&path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        if fresh {
            tx.execute("DELETE FROM article_stories", []).map_err(err)?;
        }
        {
            let mut put = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO article_stories (article_seq, story, detail) \
                     SELECT seq, ?2, ?3 FROM articles WHERE id = ?1",
                )
                .map_err(err)?;
            for (id, story, detail) in placements {
                put.execute(rusqlite::params![id, *story as i64, detail])
                    .map_err(err)?;
            }
            tx.execute(
                "INSERT INTO clusterer_state (name, articles, state) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (name) DO UPDATE SET articles = excluded.articles, state = excluded.state",
                rusqlite::params![name, articles as i64, state],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    fn articles_without_story(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id FROM articles a LEFT JOIN article_stories s \
                 ON s.article_seq = a.seq WHERE s.article_seq IS NULL ORDER BY a.seq",
            )
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([], |row| row.get::<_, String>(0))
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.sql_err(e))
    }

    fn state_articles(&self, name: &str) -> Result<Option<u64>, StoreError> {
        self.conn
            .query_row(
                "SELECT articles FROM clusterer_state WHERE name = ?1",
                [name],
                |row| row.get::<_, i64>(0),
            )
            .optional()
            .map(|n| n.map(|n| n as u64))
            .map_err(|e| self.sql_err(e))
    }

    fn update_search_index(&self) -> Result<(), StoreError> {
        self.catch_up_search_index()
    }

    fn describe(&self) -> String {
        self.path.display().to_string()
    }

    fn story_placements(&self) -> Result<Vec<(String, u64, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, s.story, s.detail FROM article_stories s \
                 JOIN articles a ON a.seq = s.article_seq ORDER BY s.story, a.seq",
            )
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, i64>(1)? as u64,
                    row.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.sql_err(e))
    }

    fn annotated_with(&self, annotator: &str) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id FROM articles a JOIN annotations n ON n.article_seq = a.seq \
                 WHERE n.annotator = ?1",
            )
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([annotator], |row| row.get::<_, String>(0))
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql_err(e))
    }

    fn search(&self, query: &str) -> Result<Vec<ArticleSummary>, StoreError> {
        let Some(fts_query) = fts_query(query) else {
            return Ok(Vec::new());
        };
        self.catch_up_search_index()?;
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles_fts \
             JOIN articles a ON a.seq = articles_fts.rowid \
             WHERE articles_fts MATCH ?1 \
             ORDER BY articles_fts.rank, a.id"
        );
        self.summaries(&sql, [fts_query])
    }

    fn search_page(
        &self,
        query: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<ArticleSummary>), StoreError> {
        let Some(fts_query) = fts_query(query) else {
            return Ok((0, Vec::new()));
        };
        self.catch_up_search_index()?;
        let total: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1")
            .and_then(|mut stmt| stmt.query_row([&fts_query], |row| row.get(0)))
            .map_err(|e| self.sql_err(e))?;
        // bm25() in ORDER BY with a LIMIT lets FTS5 keep only the best rows, and only
        // the page is joined to the articles.
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM \
               (SELECT rowid AS r, bm25(articles_fts) AS score FROM articles_fts \
                WHERE articles_fts MATCH ?1 ORDER BY score, rowid LIMIT ?2 OFFSET ?3) m \
             JOIN articles a ON a.seq = m.r ORDER BY m.score, m.r"
        );
        let page = self.summaries(
            &sql,
            rusqlite::params![
                fts_query,
                i64::try_from(limit).unwrap_or(i64::MAX),
                i64::try_from(offset).unwrap_or(i64::MAX)
            ],
        )?;
        Ok((total as u64, page))
    }
}

impl SqliteStore {
    /// Indexes for search the articles stored since the last search (see migration 0002).
    fn catch_up_search_index(&self) -> Result<(), StoreError> {
        // A read first: most searches find the index current, and taking the write lock
        // for nothing would queue concurrent searches (the HTTP server's) behind it.
        let behind: bool = self
            .conn
            .query_row(
                "SELECT (SELECT coalesce(max(seq), 0) FROM articles) > \
                        (SELECT indexed_through FROM fts_progress)",
                [],
                |row| row.get(0),
            )
            .map_err(|e| self.sql_err(e))?;
        if !behind {
            return Ok(());
        }
        self.conn
            .execute_batch(
                "BEGIN IMMEDIATE;
                 INSERT INTO articles_fts (rowid, title, text)
                     SELECT seq, title, text FROM articles
                     WHERE seq > (SELECT indexed_through FROM fts_progress) ORDER BY seq;
                 UPDATE fts_progress
                     SET indexed_through = (SELECT coalesce(max(seq), 0) FROM articles);
                 COMMIT;",
            )
            .map_err(|source| {
                // A failed batch leaves its transaction open; close it so the store
                // stays usable.
                let _ = self.conn.execute_batch("ROLLBACK");
                StoreError::Sqlite {
                    path: self.path.clone(),
                    source,
                }
            })
    }
}

/// Connection settings every store needs; see the module comment.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "page_size", 16384)?;
    // Returns the mode now in force: `wal`, or `memory` for an in-memory database. This
    // is also the first statement that reads the file, so it is where a file that is not
    // a database is found out.
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

/// Turns plain words into an FTS5 query: each word a quoted phrase, all required.
/// `None` when the query has no word characters at all.
fn fts_query(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split_whitespace()
        .filter(|term| term.chars().any(char::is_alphanumeric))
        .map(|term| format!("\"{}\"", term.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The name serde gives a unit enum variant (`meta_tag`), as stored.
pub(crate) fn enum_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        other => panic!("expected a unit enum variant, serialized as {other:?}"),
    }
}

/// The enum variant serde names `name`, if any.
fn enum_from_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

/// Rebuilds the publication time from its two columns.
pub(crate) fn published(
    path: &Path,
    id: &str,
    value: Option<String>,
    source: Option<String>,
) -> Result<Option<Published>, StoreError> {
    match (value, source) {
        (None, _) => Ok(None),
        (Some(value), source) => {
            let source = source.unwrap_or_default();
            let source: DateSource =
                enum_from_name(&source).ok_or_else(|| StoreError::Corrupt {
                    path: path.to_path_buf(),
                    id: id.to_string(),
                    field: "published_source",
                    detail: format!("unknown date source {source:?}"),
                })?;
            Ok(Some(Published { value, source }))
        }
    }
}

pub(crate) fn format(
    path: &Path,
    id: &str,
    name: &str,
) -> Result<tri_model::InputFormat, StoreError> {
    enum_from_name(name).ok_or_else(|| StoreError::Corrupt {
        path: path.to_path_buf(),
        id: id.to_string(),
        field: "format",
        detail: format!("unknown input format {name:?}"),
    })
}

/// Reads a row of [`SELECT_ARTICLE`]. The outer result is SQLite's, the inner one says
/// whether the stored values make a valid article.
fn read_article(row: &Row<'_>, path: &Path) -> rusqlite::Result<Result<Article, StoreError>> {
    let id: String = row.get(0)?;
    let published_value: Option<String> = row.get(6)?;
    let published_source: Option<String> = row.get(7)?;
    let format_name: String = row.get(11)?;
    let removed_json: String = row.get(13)?;
    let mut article = Article {
        id,
        title: row.get(1)?,
        byline: row.get(2)?,
        outlet: row.get(3)?,
        url: row.get(4)?,
        feed: row.get(5)?,
        published: None,
        language: row.get(8)?,
        text: row.get(9)?,
        input: row.get(10)?,
        format: tri_model::InputFormat::Text,
        charset: row.get(12)?,
        removed: Vec::new(),
    };
    let rest = (|| {
        article.published = published(path, &article.id, published_value, published_source)?;
        article.format = format(path, &article.id, &format_name)?;
        article.removed = serde_json::from_str(&removed_json).map_err(|e| StoreError::Corrupt {
            path: path.to_path_buf(),
            id: article.id.clone(),
            field: "removed",
            detail: e.to_string(),
        })?;
        Ok(())
    })();
    Ok(rest.map(|()| article))
}

/// Reads a row of [`SUMMARY_COLUMNS`]; results as in [`read_article`].
fn read_summary(
    row: &Row<'_>,
    path: &Path,
) -> rusqlite::Result<Result<ArticleSummary, StoreError>> {
    let id: String = row.get(0)?;
    let title = row.get(1)?;
    let outlet = row.get(2)?;
    let published_value: Option<String> = row.get(3)?;
    let published_source: Option<String> = row.get(4)?;
    let language = row.get(5)?;
    let chars: i64 = row.get(6)?;
    let input = row.get(7)?;
    let format_name: String = row.get(8)?;
    Ok((|| {
        Ok(ArticleSummary {
            published: published(path, &id, published_value, published_source)?,
            format: format(path, &id, &format_name)?,
            id,
            title,
            outlet,
            language,
            chars: chars as u64,
            input,
        })
    })())
}

/// Turns SQLite's errors into the store's, naming the database file.
fn sqlite_error(path: &std::path::Path) -> impl Fn(rusqlite::Error) -> StoreError + Copy + '_ {
    move |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests;
