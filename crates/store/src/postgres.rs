//! The shared store: one PostgreSQL database that many processes on many machines use
//! at once (ingest, workers, servers). Same behaviour as [`crate::SqliteStore`], plus
//! the work queue of `triangulate worker` (see migration `pg/0002_work_queue.sql`).
//!
//! Every write is one transaction. Story placement is serialised across processes by a
//! session advisory lock ([`Store::lock_stage`]); claims by `FOR UPDATE SKIP LOCKED`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use postgres::{Client, GenericClient, NoTls, Row};
use tri_model::{Article, Attributions, Chronology, Entity, Event, Figure};

use crate::migrations::Migration;
use crate::{
    AnnotatedArticle, ArticleSummary, EntitySummary, PutOutcome, QueueStatus, Store, StoreError,
    StoryRead,
};

/// Every PostgreSQL migration this build knows, in version order. The history is the
/// PostgreSQL store's own: its 0001 is the SQLite store's 0001-0007 at once.
const PG_MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "schema",
        sql: include_str!("../migrations/pg/0001_schema.sql"),
    },
    Migration {
        version: 2,
        name: "work_queue",
        sql: include_str!("../migrations/pg/0002_work_queue.sql"),
    },
];

/// The schema version a PostgreSQL store opened by this build ends up at.
pub const PG_SCHEMA_VERSION: u32 = PG_MIGRATIONS[PG_MIGRATIONS.len() - 1].version;

/// Taken (transaction-scoped) around each migration, so that many workers starting at
/// once on a new database apply each migration once.
const MIGRATION_LOCK: i64 = 0x7472_695f_6d69_6772; // "tri_migr"

/// The longest a claim may sit between statements (the worker annotating) before the
/// server ends the session and its claim returns to the queue.
const CLAIM_TIMEOUT: &str = "10min";

/// A job left open this long without a committed batch is taken as abandoned.
const STALE_JOB: &str = "15 minutes";

const SUMMARY_COLUMNS: &str = "a.id, a.title, a.outlet, a.published, a.published_source, \
                               a.language, a.chars, a.input, a.format";

const ARTICLE_COLUMNS: &str = "a.id, a.title, a.byline, a.outlet, a.url, a.feed, a.published, \
                               a.published_source, a.language, a.text, a.input, a.format, \
                               a.charset, a.removed";

const INSERT_ARTICLE: &str = "
INSERT INTO articles (
    id, title, byline, outlet, url, feed,
    published, published_source, published_utc,
    language, text, chars, input, format, charset, removed, search, job
) VALUES (
    $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
    to_tsvector('simple', $17), $18
)
ON CONFLICT (id) DO NOTHING
RETURNING seq";

/// The articles that may be placed in stories now (the 15 minutes are [`STALE_JOB`]): those stored and annotated at once
/// (no job), and those of every job before the first that is still open or has pending
/// articles. So a job's articles are placed together once all are annotated, in job
/// order, as one process that ingested the same jobs would place them.
const READY: &str = "(a.job IS NULL OR a.job < (
    SELECT coalesce(min(j.job), 9223372036854775807) FROM ingest_jobs j
    WHERE (j.closed_at IS NULL AND j.touched_at > now() - interval '15 minutes')
       OR EXISTS (SELECT 1 FROM pending p WHERE p.job = j.job)))";

/// A [`Store`] in a PostgreSQL database.
pub struct PgStore {
    client: RefCell<Client>,
    /// Statements prepared on this connection, by their SQL.
    statements: RefCell<HashMap<String, postgres::Statement>>,
    /// The connection string with any password hidden; named in every error.
    name: String,
    /// The job of this process's deferred ingest, opened by its first batch.
    job: Option<i64>,
    /// Whether a claim's transaction is open.
    claimed: bool,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// `url` with its password, if any, replaced by `***`: connection strings are shown in
/// errors and logs.
pub fn redact(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        if let Some((userinfo, host)) = rest.split_once('@') {
            if let Some((user, _)) = userinfo.split_once(':') {
                return format!("{scheme}://{user}:***@{host}");
            }
        }
        return url.to_string();
    }
    // key=value form
    url.split_whitespace()
        .map(|kv| {
            if kv.starts_with("password=") {
                "password=***".to_string()
            } else {
                kv.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user[:password]@host[:port]/db`)
    /// and applies any schema migrations it lacks. The connection is plain TCP: use a
    /// private network, a Unix socket (`?host=/run/postgresql`) or a tunnel.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        Self::open_as(url, "triangulate")
    }

    /// [`PgStore::open`], naming the connection `application` in the server's
    /// `pg_stat_activity` (workers give their own names, so an operator sees who holds
    /// what).
    pub fn open_as(url: &str, application: &str) -> Result<Self, StoreError> {
        let name = redact(url);
        let mut config: postgres::Config = url.parse().map_err(|source| StoreError::Postgres {
            store: name.clone(),
            source,
        })?;
        config
            .application_name(application)
            .connect_timeout(Duration::from_secs(10))
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(30));
        let mut client = config
            .connect(NoTls)
            .map_err(|source| StoreError::Postgres {
                store: name.clone(),
                source,
            })?;
        migrate(&mut client, &name)?;
        Ok(PgStore {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            name,
            job: None,
            claimed: false,
        })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        let v: i32 = self
            .cached_query_one(
                "SELECT coalesce(max(version), 0) FROM schema_migrations",
                &[],
            )
            .map_err(|e| self.err(e))?
            .get(0);
        Ok(v as u32)
    }

    /// The connection string, password hidden.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The statement for `sql`, prepared once per connection: reads run the same few
    /// statements many times (a dossier reads every article of a storyline), and a
    /// prepared one saves a round trip each time.
    fn prepared(
        &self,
        client: &mut Client,
        sql: &str,
    ) -> Result<postgres::Statement, postgres::Error> {
        if let Some(statement) = self.statements.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(sql)?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), statement.clone());
        Ok(statement)
    }

    fn cached_query(
        &self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<Row>, postgres::Error> {
        let mut client = self.client.borrow_mut();
        let statement = self.prepared(&mut client, sql)?;
        client.query(&statement, params)
    }

    fn cached_query_opt(
        &self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Option<Row>, postgres::Error> {
        let mut client = self.client.borrow_mut();
        let statement = self.prepared(&mut client, sql)?;
        client.query_opt(&statement, params)
    }

    fn cached_query_one(
        &self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Row, postgres::Error> {
        let mut client = self.client.borrow_mut();
        let statement = self.prepared(&mut client, sql)?;
        client.query_one(&statement, params)
    }

    fn err(&self, source: postgres::Error) -> StoreError {
        StoreError::Postgres {
            store: self.name.clone(),
            source,
        }
    }

    fn corrupt(&self, id: &str, field: &'static str, detail: String) -> StoreError {
        StoreError::Corrupt {
            path: PathBuf::from(&self.name),
            id: id.to_string(),
            field,
            detail,
        }
    }

    fn summaries(
        &self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let rows = self.cached_query(sql, params).map_err(|e| self.err(e))?;
        rows.iter().map(|row| self.read_summary(row)).collect()
    }

    fn read_summary(&self, row: &Row) -> Result<ArticleSummary, StoreError> {
        let id: String = row.get(0);
        let chars: i64 = row.get(6);
        Ok(ArticleSummary {
            published: crate::sqlite::published(
                std::path::Path::new(&self.name),
                &id,
                row.get(3),
                row.get(4),
            )?,
            format: crate::sqlite::format(std::path::Path::new(&self.name), &id, row.get(8))?,
            title: row.get(1),
            outlet: row.get(2),
            language: row.get(5),
            chars: chars as u64,
            input: row.get(7),
            id,
        })
    }

    fn read_article(&self, row: &Row) -> Result<Article, StoreError> {
        let id: String = row.get(0);
        let path = std::path::Path::new(&self.name);
        let removed: String = row.get(13);
        Ok(Article {
            published: crate::sqlite::published(path, &id, row.get(6), row.get(7))?,
            format: crate::sqlite::format(path, &id, row.get(11))?,
            removed: serde_json::from_str(&removed)
                .map_err(|e| self.corrupt(&id, "removed", e.to_string()))?,
            title: row.get(1),
            byline: row.get(2),
            outlet: row.get(3),
            url: row.get(4),
            feed: row.get(5),
            language: row.get(8),
            text: row.get(9),
            input: row.get(10),
            charset: row.get(12),
            id,
        })
    }

    fn article_exact(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let row = self
            .cached_query_opt(
                &format!("SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1"),
                &[&id],
            )
            .map_err(|e| self.err(e))?;
        row.map(|r| self.read_article(&r)).transpose()
    }

    fn article_detail<T: serde::de::DeserializeOwned>(
        &self,
        table: &'static str,
        field: &'static str,
        id: &str,
    ) -> Result<Option<T>, StoreError> {
        let row = self
            .cached_query_opt(
                &format!(
                    "SELECT t.detail FROM {table} t JOIN articles a ON a.seq = t.article_seq \
                     WHERE a.id = $1"
                ),
                &[&id],
            )
            .map_err(|e| self.err(e))?;
        row.map(|r| {
            let detail: String = r.get(0);
            serde_json::from_str(&detail).map_err(|e| self.corrupt(id, field, e.to_string()))
        })
        .transpose()
    }

    /// Runs `write` once, in one transaction, on the `(row number, value)` of each
    /// `(id, value)` of `batch` whose article is stored. Ids not stored are skipped.
    fn per_stored_article<T>(
        &mut self,
        batch: &[(String, T)],
        write: impl FnOnce(&mut postgres::Transaction<'_>, &[(i64, &T)]) -> Result<(), postgres::Error>,
    ) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let name = self.name.clone();
        let err = |source| StoreError::Postgres {
            store: name.clone(),
            source,
        };
        let client = self.client.get_mut();
        let mut tx = client.transaction().map_err(err)?;
        let ids: Vec<&str> = batch.iter().map(|(id, _)| id.as_str()).collect();
        let seqs = seqs_of(&mut tx, &ids).map_err(err)?;
        let items: Vec<(i64, &T)> = batch
            .iter()
            .filter_map(|(id, value)| seqs.get(id.as_str()).map(|&seq| (seq, value)))
            .collect();
        write(&mut tx, &items).map_err(err)?;
        tx.commit().map_err(err)
    }

    fn insert_articles(
        &mut self,
        articles: &[Article],
        deferred: bool,
    ) -> Result<PutOutcome, StoreError> {
        let mut outcome = PutOutcome::default();
        if articles.is_empty() {
            return Ok(outcome);
        }
        let name = self.name.clone();
        let err = |source| StoreError::Postgres {
            store: name.clone(),
            source,
        };
        let job = if deferred {
            Some(match self.job {
                Some(job) => job,
                None => {
                    let job: i64 = self
                        .client
                        .get_mut()
                        .query_one("INSERT INTO ingest_jobs DEFAULT VALUES RETURNING job", &[])
                        .map_err(err)?
                        .get(0);
                    self.job = Some(job);
                    job
                }
            })
        } else {
            None
        };
        let mut tx = self.client.get_mut().transaction().map_err(err)?;
        let insert = tx.prepare(INSERT_ARTICLE).map_err(err)?;
        let mut seen = HashSet::with_capacity(articles.len());
        let mut new_seqs = Vec::new();
        for article in articles {
            if !seen.insert(article.id.as_str()) {
                continue;
            }
            let removed =
                serde_json::to_string(&article.removed).expect("a list of strings serializes");
            let (published, source) = match &article.published {
                Some(p) => (
                    Some(p.value.as_str()),
                    Some(crate::sqlite::enum_name(&p.source)),
                ),
                None => (None, None),
            };
            let utc = published.map(published_utc);
            let search = fold(&format!(
                "{}\n{}",
                article.title.as_deref().unwrap_or(""),
                article.text
            ));
            let row = tx
                .query_opt(
                    &insert,
                    &[
                        &article.id,
                        &article.title,
                        &article.byline,
                        &article.outlet,
                        &article.url,
                        &article.feed,
                        &published,
                        &source,
                        &utc,
                        &article.language,
                        &article.text,
                        &(article.text.chars().count() as i64),
                        &article.input,
                        &article.format.as_str(),
                        &article.charset,
                        &removed,
                        &search,
                        &job,
                    ],
                )
                .map_err(err)?;
            match row {
                Some(row) => {
                    new_seqs.push(row.get::<_, i64>(0));
                    outcome.inserted.push(article.id.clone());
                }
                None => outcome.existing.push(article.id.clone()),
            }
        }
        if let Some(job) = job {
            tx.execute(
                "INSERT INTO pending (article_seq, job) SELECT unnest($1::bigint[]), $2",
                &[&new_seqs, &job],
            )
            .map_err(err)?;
            tx.execute(
                "UPDATE ingest_jobs SET touched_at = now() WHERE job = $1",
                &[&job],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(outcome)
    }

    /// Claims up to `limit` pending articles for this worker, oldest job first, and
    /// returns them. The claim is a transaction holding the rows' locks: other workers
    /// skip them, and if this process dies the server rolls it back and they are pending
    /// again. End it with [`PgStore::complete`] or [`PgStore::release`].
    pub fn claim(&mut self, limit: usize) -> Result<Vec<Article>, StoreError> {
        if self.claimed {
            self.release()?;
        }
        let name = self.name.clone();
        let err = |source| StoreError::Postgres {
            store: name.clone(),
            source,
        };
        let client = self.client.get_mut();
        // A worker that hangs (rather than dies) while holding a claim loses its session,
        // and the claim, after this long; a dead one loses it when its connection drops.
        client
            .batch_execute(&format!(
                "BEGIN; SET LOCAL idle_in_transaction_session_timeout = '{CLAIM_TIMEOUT}'"
            ))
            .map_err(err)?;
        self.claimed = true;
        let rows = self
            .client
            .get_mut()
            .query(
                &format!(
                    "SELECT {ARTICLE_COLUMNS} FROM articles a JOIN \
                       (SELECT article_seq, job FROM pending ORDER BY job, article_seq \
                        LIMIT $1 FOR UPDATE SKIP LOCKED) p ON p.article_seq = a.seq \
                     ORDER BY p.job, p.article_seq"
                ),
                &[&(limit as i64)],
            )
            .map_err(|e| self.err(e));
        let rows = match rows {
            Ok(rows) => rows,
            Err(e) => {
                let _ = self.release();
                return Err(e);
            }
        };
        let articles: Result<Vec<Article>, StoreError> =
            rows.iter().map(|r| self.read_article(r)).collect();
        if articles.as_ref().map_or(true, Vec::is_empty) {
            self.release()?;
        }
        articles
    }

    /// Stores the annotations of claimed articles, logs them as processed by `worker`,
    /// removes them from the queue and commits, all at once. Articles claimed but not in
    /// `done` are pending again.
    pub fn complete(
        &mut self,
        worker: &str,
        annotator: &str,
        done: &[AnnotatedArticle],
    ) -> Result<(), StoreError> {
        if !self.claimed {
            return Err(StoreError::Unsupported {
                store: self.name.clone(),
                what: "completing work that was not claimed".into(),
            });
        }
        let result = (|| -> Result<(), postgres::Error> {
            let client = self.client.get_mut();
            let ids: Vec<&str> = done.iter().map(|d| d.id.as_str()).collect();
            let seqs = seqs_of(client, &ids)?;
            let stored: Vec<(i64, &AnnotatedArticle)> = done
                .iter()
                .filter_map(|d| seqs.get(d.id.as_str()).map(|&seq| (seq, d)))
                .collect();
            let at: Vec<(i64, &Attributions)> =
                stored.iter().map(|(s, d)| (*s, &d.attributions)).collect();
            write_attributions(client, &at)?;
            let ch: Vec<(i64, &Chronology)> =
                stored.iter().map(|(s, d)| (*s, &d.chronology)).collect();
            write_chronology(client, &ch)?;
            let fig: Vec<(i64, &[Figure])> = stored
                .iter()
                .map(|(s, d)| (*s, d.figures.as_slice()))
                .collect();
            write_counted(client, "article_figures", "figures", &fig)?;
            let ev: Vec<(i64, &[Event])> = stored
                .iter()
                .map(|(s, d)| (*s, d.events.as_slice()))
                .collect();
            write_counted(client, "article_events", "events", &ev)?;
            let ent: Vec<(i64, &[Entity])> = stored
                .iter()
                .map(|(s, d)| (*s, d.entities.as_slice()))
                .collect();
            write_entities(client, &ent, annotator)?;
            let seqs: Vec<i64> = seqs.values().copied().collect();
            client.execute(
                "INSERT INTO work_log (article_seq, worker, annotator) \
                 SELECT s, $2, $3 FROM unnest($1::bigint[]) s",
                &[&seqs, &worker, &annotator],
            )?;
            // write_entities took the articles off the queue.
            client.batch_execute("COMMIT")
        })();
        self.claimed = false;
        result.map_err(|e| {
            let _ = self.client.get_mut().batch_execute("ROLLBACK");
            self.err(e)
        })
    }

    /// Gives claimed articles back to the queue unprocessed.
    pub fn release(&mut self) -> Result<(), StoreError> {
        if !self.claimed {
            return Ok(());
        }
        self.claimed = false;
        self.client
            .get_mut()
            .batch_execute("ROLLBACK")
            .map_err(|e| self.err(e))
    }

    /// How the queue stands.
    pub fn queue_status(&self) -> Result<QueueStatus, StoreError> {
        let row = self
            .cached_query_one(
                &format!(
                    "SELECT (SELECT count(*) FROM pending), \
                            (SELECT count(*) FROM ingest_jobs WHERE closed_at IS NULL \
                               AND touched_at > now() - interval '{STALE_JOB}'), \
                            (SELECT count(*) FROM work_log), \
                            (SELECT count(DISTINCT article_seq) FROM work_log)"
                ),
                &[],
            )
            .map_err(|e| self.err(e))?;
        Ok(QueueStatus {
            pending: row.get::<_, i64>(0) as u64,
            open_jobs: row.get::<_, i64>(1) as u64,
            processed: row.get::<_, i64>(2) as u64,
            processed_articles: row.get::<_, i64>(3) as u64,
        })
    }

    /// Whether there is nothing to wait for: no article pending and no deferred ingest
    /// running. Cheap, for workers that stop when idle.
    pub fn is_idle(&self) -> Result<bool, StoreError> {
        let idle: bool = self
            .cached_query_one(
                &format!(
                    "SELECT NOT EXISTS (SELECT 1 FROM pending) AND NOT EXISTS \
                       (SELECT 1 FROM ingest_jobs WHERE closed_at IS NULL \
                          AND touched_at > now() - interval '{STALE_JOB}')"
                ),
                &[],
            )
            .map_err(|e| self.err(e))?
            .get(0);
        Ok(idle)
    }

    /// Per article processed by workers, how many times: the crash test's evidence
    /// that nothing was processed twice.
    pub fn processing_counts(&self) -> Result<HashMap<String, u64>, StoreError> {
        let rows = self
            .cached_query(
                "SELECT a.id, count(*) FROM work_log w JOIN articles a ON a.seq = w.article_seq \
                 GROUP BY a.id",
                &[],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<_, String>(0), r.get::<_, i64>(1) as u64))
            .collect())
    }

    fn advisory_key(name: &str) -> i64 {
        // A stable 64-bit key per stage name (FNV-1a), the same in every process.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in format!("triangulate:{name}").bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h as i64
    }
}

impl Drop for PgStore {
    fn drop(&mut self) {
        let _ = self.release();
    }
}

fn migrate(client: &mut Client, name: &str) -> Result<(), StoreError> {
    let err = |source| StoreError::Postgres {
        store: name.to_string(),
        source,
    };
    let supported = PG_MIGRATIONS.last().map_or(0, |m| m.version);
    for migration in PG_MIGRATIONS {
        let migrate_err = |source| StoreError::PostgresMigrate {
            store: name.to_string(),
            version: migration.version,
            name: migration.name,
            source,
        };
        let mut tx = client.transaction().map_err(err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .map_err(err)?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version    INTEGER PRIMARY KEY,
                 name       TEXT NOT NULL,
                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        )
        .map_err(err)?;
        let found: i32 = tx
            .query_one(
                "SELECT coalesce(max(version), 0) FROM schema_migrations",
                &[],
            )
            .map_err(err)?
            .get(0);
        let found = found as u32;
        if found > supported {
            return Err(StoreError::SchemaTooNew {
                path: PathBuf::from(name),
                found,
                supported,
            });
        }
        if found >= migration.version {
            tx.commit().map_err(err)?;
            continue;
        }
        tx.batch_execute(migration.sql).map_err(migrate_err)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
            &[&(migration.version as i32), &migration.name],
        )
        .map_err(migrate_err)?;
        tx.commit().map_err(migrate_err)?;
    }
    Ok(())
}

fn seqs_of(
    client: &mut impl GenericClient,
    ids: &[&str],
) -> Result<HashMap<String, i64>, postgres::Error> {
    let rows = client.query("SELECT id, seq FROM articles WHERE id = ANY($1)", &[&ids])?;
    Ok(rows
        .iter()
        .map(|r| (r.get::<_, String>(0), r.get::<_, i64>(1)))
        .collect())
}

/// Keeps the last value per article of a batch (an id given twice is written once, as
/// the later one, like row-by-row upserts would leave it), in article order.
fn last_per_seq<'a, T>(items: &[(i64, &'a T)]) -> Vec<(i64, &'a T)>
where
    T: ?Sized,
{
    let mut by_seq: std::collections::BTreeMap<i64, &'a T> = std::collections::BTreeMap::new();
    for &(seq, value) in items {
        by_seq.insert(seq, value);
    }
    by_seq.into_iter().collect()
}

/// Writes the entities of a batch of articles in a handful of statements (one row set
/// per table, passed as arrays): a worker's batch costs the same few round trips
/// whatever its size. Entity keys are upserted in key order, so concurrent writers lock
/// shared entities in one order and cannot deadlock.
fn write_entities(
    c: &mut impl GenericClient,
    items: &[(i64, &[Entity])],
    annotator: &str,
) -> Result<(), postgres::Error> {
    let items = last_per_seq(items);
    if items.is_empty() {
        return Ok(());
    }
    let seqs: Vec<i64> = items.iter().map(|(s, _)| *s).collect();
    c.execute(
        "DELETE FROM article_entities WHERE article_seq = ANY($1)",
        &[&seqs],
    )?;
    // Per key: the first kind and name seen, and the first known wikidata id, country
    // and referent, as upserting one by one with coalesce() keeps them.
    type Fields = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let mut keys: std::collections::BTreeMap<&str, Fields> = std::collections::BTreeMap::new();
    let mut links: std::collections::BTreeMap<(i64, &str), (i64, i64, String)> =
        std::collections::BTreeMap::new();
    for (seq, entities) in &items {
        for e in entities.iter() {
            let f = keys.entry(e.key.as_str()).or_insert_with(|| {
                (
                    e.kind.as_str().to_string(),
                    e.name.clone(),
                    None,
                    None,
                    None,
                )
            });
            f.2 = f.2.take().or_else(|| e.wikidata.clone());
            f.3 = f.3.take().or_else(|| e.country.clone());
            f.4 = f.4.take().or_else(|| e.stands_for.clone());
            let first_at = e.mentions.iter().map(|m| m.span.start).min().unwrap_or(0) as i64;
            let detail = serde_json::to_string(e).expect("an entity always serializes");
            links.insert(
                (*seq, e.key.as_str()),
                (first_at, e.mentions.len() as i64, detail),
            );
        }
    }
    if !keys.is_empty() {
        let mut k = Vec::new();
        let (mut kind, mut name, mut wd, mut country, mut stands) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (key, f) in keys {
            k.push(key);
            kind.push(f.0);
            name.push(f.1);
            wd.push(f.2);
            country.push(f.3);
            stands.push(f.4);
        }
        c.execute(
            "INSERT INTO entities (key, kind, name, wikidata, country, stands_for) \
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], \
                                  $6::text[]) \
             ON CONFLICT (key) DO UPDATE SET \
             wikidata = coalesce(entities.wikidata, excluded.wikidata), \
             country = coalesce(entities.country, excluded.country), \
             stands_for = coalesce(entities.stands_for, excluded.stands_for) \
             WHERE (entities.wikidata IS NULL AND excluded.wikidata IS NOT NULL) \
                OR (entities.country IS NULL AND excluded.country IS NOT NULL) \
                OR (entities.stands_for IS NULL AND excluded.stands_for IS NOT NULL)",
            &[&k, &kind, &name, &wd, &country, &stands],
        )?;
    }
    if !links.is_empty() {
        let (mut ls, mut lk, mut lf, mut lm, mut ld) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for ((seq, key), (first_at, mentions, detail)) in links {
            ls.push(seq);
            lk.push(key);
            lf.push(first_at);
            lm.push(mentions);
            ld.push(detail);
        }
        c.execute(
            "INSERT INTO article_entities (article_seq, key, first_at, mentions, detail) \
             SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[])",
            &[&ls, &lk, &lf, &lm, &ld],
        )?;
    }
    c.execute(
        "INSERT INTO annotations (article_seq, annotator) SELECT s, $2 FROM unnest($1::bigint[]) s \
         ON CONFLICT (article_seq) DO UPDATE SET annotator = excluded.annotator, \
         annotated_at = now()",
        &[&seqs, &annotator],
    )?;
    // Annotated here, so not pending for a worker any more.
    c.execute("DELETE FROM pending WHERE article_seq = ANY($1)", &[&seqs])?;
    Ok(())
}

fn write_attributions(
    c: &mut impl GenericClient,
    items: &[(i64, &Attributions)],
) -> Result<(), postgres::Error> {
    let items = last_per_seq(items);
    if items.is_empty() {
        return Ok(());
    }
    let (mut seq, mut quotes, mut sources, mut origin, mut detail) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (s, at) in items {
        seq.push(s);
        quotes.push(at.quotes.len() as i64);
        sources.push(at.sources.len() as i64);
        origin.push(
            at.provenance
                .origin
                .map(|o| at.provenance.cited[o].name.clone()),
        );
        detail.push(serde_json::to_string(at).expect("attributions always serialize"));
    }
    c.execute(
        "INSERT INTO article_attributions (article_seq, quotes, sources, origin, detail) \
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[]) \
         ON CONFLICT (article_seq) DO UPDATE SET \
         quotes = excluded.quotes, sources = excluded.sources, \
         origin = excluded.origin, detail = excluded.detail",
        &[&seq, &quotes, &sources, &origin, &detail],
    )?;
    Ok(())
}

fn write_chronology(
    c: &mut impl GenericClient,
    items: &[(i64, &Chronology)],
) -> Result<(), postgres::Error> {
    let items = last_per_seq(items);
    if items.is_empty() {
        return Ok(());
    }
    let mut seq = Vec::new();
    let (mut published, mut evidence, mut next_due, mut detail) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut timexes, mut flags, mut predictions) = (Vec::new(), Vec::new(), Vec::new());
    for (s, ch) in items {
        seq.push(s);
        match &ch.publication {
            Some(p) => {
                published.push(Some(p.date.clone()));
                evidence.push(
                    serde_json::to_value(p.evidence)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string)),
                );
            }
            None => {
                published.push(None);
                evidence.push(None);
            }
        }
        timexes.push(ch.timexes.len() as i64);
        flags.push(ch.flags.len() as i64);
        predictions.push(ch.predictions.len() as i64);
        next_due.push(ch.predictions.iter().map(|p| p.due.clone()).min());
        detail.push(serde_json::to_string(ch).expect("a chronology always serializes"));
    }
    c.execute(
        "INSERT INTO article_chronology \
         (article_seq, published, evidence, timexes, flags, predictions, next_due, detail) \
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], \
                              $6::bigint[], $7::text[], $8::text[]) \
         ON CONFLICT (article_seq) DO UPDATE SET \
         published = excluded.published, evidence = excluded.evidence, \
         timexes = excluded.timexes, flags = excluded.flags, \
         predictions = excluded.predictions, next_due = excluded.next_due, \
         detail = excluded.detail",
        &[
            &seq,
            &published,
            &evidence,
            &timexes,
            &flags,
            &predictions,
            &next_due,
            &detail,
        ],
    )?;
    Ok(())
}

/// Figures and events: a count and the JSON record per article.
fn write_counted<T: serde::Serialize>(
    c: &mut impl GenericClient,
    table: &str,
    count: &str,
    items: &[(i64, &[T])],
) -> Result<(), postgres::Error> {
    let items = last_per_seq(items);
    if items.is_empty() {
        return Ok(());
    }
    let (mut seq, mut n, mut detail) = (Vec::new(), Vec::new(), Vec::new());
    for (s, values) in items {
        seq.push(s);
        n.push(values.len() as i64);
        detail.push(serde_json::to_string(values).expect("plain data serializes"));
    }
    c.execute(
        &format!(
            "INSERT INTO {table} (article_seq, {count}, detail) \
             SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[]) \
             ON CONFLICT (article_seq) DO UPDATE SET {count} = excluded.{count}, \
             detail = excluded.detail"
        ),
        &[&seq, &n, &detail],
    )?;
    Ok(())
}

/// Lower case, diacritics removed: what search compares, as SQLite's `unicode61
/// remove_diacritics` tokenizer folds.
pub(crate) fn fold(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The sort key SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ', value)` gives, or the value as
/// given when it is not a date: both stores list articles in the same order.
pub(crate) fn published_utc(value: &str) -> String {
    use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
    const OUT: &str = "%Y-%m-%dT%H:%M:%S%.3fZ";
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return t.with_timezone(&Utc).format(OUT).to_string();
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(value, f) {
            return t.format(OUT).to_string();
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M:%S%:z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(value, f) {
            return t.with_timezone(&Utc).format(OUT).to_string();
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return format!("{}T00:00:00.000Z", d.format("%Y-%m-%d"));
    }
    value.to_string()
}

fn search_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Store for PgStore {
    fn put_articles(&mut self, articles: &[Article]) -> Result<PutOutcome, StoreError> {
        self.insert_articles(articles, false)
    }

    fn put_articles_deferred(&mut self, articles: &[Article]) -> Result<PutOutcome, StoreError> {
        self.insert_articles(articles, true)
    }

    fn finish_deferred(&mut self) -> Result<(), StoreError> {
        if let Some(job) = self.job.take() {
            self.client
                .get_mut()
                .execute(
                    "UPDATE ingest_jobs SET closed_at = now(), touched_at = now() WHERE job = $1",
                    &[&job],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    fn article(&self, id_or_prefix: &str) -> Result<Option<Article>, StoreError> {
        crate::article_by_prefix(
            id_or_prefix,
            |id| self.article_exact(id),
            |prefix, limit| {
                let rows = self
                    .cached_query(
                        "SELECT id FROM articles WHERE id >= $1 ORDER BY id LIMIT $2",
                        &[&prefix, &(limit as i64)],
                    )
                    .map_err(|e| self.err(e))?;
                Ok(rows
                    .iter()
                    .map(|r| r.get::<_, String>(0))
                    .take_while(|id| id.starts_with(prefix))
                    .collect())
            },
        )
    }

    fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        self.summaries(
            &format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles a \
                 ORDER BY a.published_utc IS NULL, a.published_utc, a.id"
            ),
            &[],
        )
    }

    fn count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .cached_query_one("SELECT count(*) FROM articles", &[])
            .map_err(|e| self.err(e))?
            .get(0);
        Ok(n as u64)
    }

    fn changes(&self) -> Result<u64, StoreError> {
        // Articles, annotations, placements and closed jobs all only grow (placements
        // are replaced whole only when the clusterer starts again, which also rewrites
        // its state); a closed job can make articles ready for stories.
        let n: i64 = self
            .cached_query_one(
                "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM annotations) \
                      + (SELECT count(*) FROM article_stories) \
                      + (SELECT coalesce(sum(articles), 0)::bigint FROM clusterer_state) \
                      + (SELECT count(*) FROM ingest_jobs WHERE closed_at IS NOT NULL)",
                &[],
            )
            .map_err(|e| self.err(e))?
            .get(0);
        Ok(n as u64)
    }

    fn known_ids(&self, ids: &[String]) -> Result<HashSet<String>, StoreError> {
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        let rows = self
            .cached_query("SELECT id FROM articles WHERE id = ANY($1)", &[&ids])
            .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(|r| r.get::<_, String>(0)).collect())
    }

    fn search(&self, query: &str) -> Result<Vec<ArticleSummary>, StoreError> {
        let Some(words) = search_query(query) else {
            return Ok(Vec::new());
        };
        self.summaries(
            &format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles a, plainto_tsquery('simple', $1) q \
                 WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.id"
            ),
            &[&words],
        )
    }

    fn search_page(
        &self,
        query: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<ArticleSummary>), StoreError> {
        let Some(words) = search_query(query) else {
            return Ok((0, Vec::new()));
        };
        let total: i64 = self
            .cached_query_one(
                "SELECT count(*) FROM articles WHERE search @@ plainto_tsquery('simple', $1)",
                &[&words],
            )
            .map_err(|e| self.err(e))?
            .get(0);
        let page = self.summaries(
            &format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles a, plainto_tsquery('simple', $1) q \
                 WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.seq \
                 LIMIT $2 OFFSET $3"
            ),
            &[
                &words,
                &i64::try_from(limit).unwrap_or(i64::MAX),
                &i64::try_from(offset).unwrap_or(i64::MAX),
            ],
        )?;
        Ok((total as u64, page))
    }

    fn put_entities(
        &mut self,
        batch: &[(String, Vec<Entity>)],
        annotator: &str,
    ) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, items| {
            let items: Vec<(i64, &[Entity])> =
                items.iter().map(|(s, e)| (*s, e.as_slice())).collect();
            write_entities(tx, &items, annotator)
        })
    }

    fn article_entities(&self, id: &str) -> Result<Vec<Entity>, StoreError> {
        let rows = self.cached_query(
                "SELECT ae.detail FROM article_entities ae JOIN articles a ON a.seq = ae.article_seq \
                 WHERE a.id = $1 ORDER BY ae.first_at, ae.key",
                &[&id],
            )
            .map_err(|e| self.err(e))?;
        rows.iter()
            .map(|r| {
                serde_json::from_str(r.get::<_, &str>(0))
                    .map_err(|e| self.corrupt(id, "entities", e.to_string()))
            })
            .collect()
    }

    fn put_attributions(&mut self, batch: &[(String, Attributions)]) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, items| write_attributions(tx, items))
    }

    fn article_attributions(&self, id: &str) -> Result<Option<Attributions>, StoreError> {
        self.article_detail("article_attributions", "attributions", id)
    }

    fn put_chronologies(&mut self, batch: &[(String, Chronology)]) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, items| write_chronology(tx, items))
    }

    fn article_chronology(&self, id: &str) -> Result<Option<Chronology>, StoreError> {
        self.article_detail("article_chronology", "chronology", id)
    }

    fn put_figures(&mut self, batch: &[(String, Vec<Figure>)]) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, items| {
            let items: Vec<(i64, &[Figure])> =
                items.iter().map(|(s, f)| (*s, f.as_slice())).collect();
            write_counted(tx, "article_figures", "figures", &items)
        })
    }

    fn article_figures(&self, id: &str) -> Result<Option<Vec<Figure>>, StoreError> {
        self.article_detail("article_figures", "figures", id)
    }

    fn put_events(&mut self, batch: &[(String, Vec<Event>)]) -> Result<(), StoreError> {
        self.per_stored_article(batch, |tx, items| {
            let items: Vec<(i64, &[Event])> =
                items.iter().map(|(s, e)| (*s, e.as_slice())).collect();
            write_counted(tx, "article_events", "events", &items)
        })
    }

    fn article_events(&self, id: &str) -> Result<Option<Vec<Event>>, StoreError> {
        self.article_detail("article_events", "events", id)
    }

    fn entities(&self) -> Result<Vec<EntitySummary>, StoreError> {
        let rows = self
            .cached_query(
                "SELECT e.key, e.kind, e.name, e.wikidata, count(*), sum(ae.mentions)::bigint, \
                   array(SELECT DISTINCT j FROM article_entities x, \
                         jsonb_array_elements_text(x.detail::jsonb -> 'aliases') j \
                         WHERE x.key = e.key) \
                 FROM entities e JOIN article_entities ae ON ae.key = e.key \
                 GROUP BY e.key ORDER BY count(*) DESC, sum(ae.mentions) DESC, e.key",
                &[],
            )
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let key: String = r.get(0);
            let kind: &str = r.get(1);
            let kind = crate::entity_kind(kind)
                .ok_or_else(|| self.corrupt(&key, "entity kind", kind.to_string()))?;
            let mut aliases: Vec<String> = r.get(6);
            aliases.sort();
            out.push(EntitySummary {
                kind,
                name: r.get(2),
                wikidata: r.get(3),
                articles: r.get::<_, i64>(4) as u64,
                mentions: r.get::<_, i64>(5) as u64,
                aliases,
                key,
            });
        }
        Ok(out)
    }

    fn annotated_with(&self, annotator: &str) -> Result<HashSet<String>, StoreError> {
        let rows = self
            .cached_query(
                "SELECT a.id FROM articles a JOIN annotations n ON n.article_seq = a.seq \
                 WHERE n.annotator = $1",
                &[&annotator],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(|r| r.get::<_, String>(0)).collect())
    }

    fn state(&self, name: &str) -> Result<Option<String>, StoreError> {
        let row = self
            .cached_query_opt(
                "SELECT state FROM clusterer_state WHERE name = $1",
                &[&name],
            )
            .map_err(|e| self.err(e))?;
        Ok(row.map(|r| r.get(0)))
    }

    fn put_state(
        &mut self,
        name: &str,
        articles: u64,
        state: &str,
        placements: &[(String, u64, String)],
        fresh: bool,
    ) -> Result<(), StoreError> {
        let store = self.name.clone();
        let err = |source| StoreError::Postgres {
            store: store.clone(),
            source,
        };
        let mut tx = self.client.get_mut().transaction().map_err(err)?;
        if fresh {
            tx.execute("DELETE FROM article_stories", &[])
                .map_err(err)?;
        }
        // Placements in one statement per few thousand, as arrays; an id repeated keeps
        // its last placement, as one upsert after another would.
        let mut last: HashMap<&str, (i64, &str)> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for (id, story, detail) in placements {
            if last
                .insert(id.as_str(), (*story as i64, detail.as_str()))
                .is_none()
            {
                order.push(id.as_str());
            }
        }
        for chunk in order.chunks(5000) {
            let ids: Vec<&str> = chunk.to_vec();
            let stories: Vec<i64> = chunk.iter().map(|id| last[id].0).collect();
            let details: Vec<&str> = chunk.iter().map(|id| last[id].1).collect();
            tx.execute(
                "INSERT INTO article_stories (article_seq, story, detail) \
                 SELECT a.seq, p.story, p.detail \
                 FROM unnest($1::text[], $2::bigint[], $3::text[]) AS p (id, story, detail) \
                 JOIN articles a ON a.id = p.id \
                 ON CONFLICT (article_seq) DO UPDATE SET story = excluded.story, \
                 detail = excluded.detail",
                &[&ids, &stories, &details],
            )
            .map_err(err)?;
        }
        tx.execute(
            "INSERT INTO clusterer_state (name, articles, state) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET articles = excluded.articles, state = excluded.state",
            &[&name, &(articles as i64), &state],
        )
        .map_err(err)?;
        tx.commit().map_err(err)
    }

    fn story_inputs(&self, ids: &[String]) -> Result<Vec<StoryRead>, StoreError> {
        let mut found: HashMap<String, StoryRead> = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(2000) {
            let rows = self
                .cached_query(
                    &format!(
                        "SELECT {ARTICLE_COLUMNS}, t.detail, c.published FROM articles a \
                         LEFT JOIN article_attributions t ON t.article_seq = a.seq \
                         LEFT JOIN article_chronology c ON c.article_seq = a.seq \
                         WHERE a.id = ANY($1)"
                    ),
                    &[&chunk],
                )
                .map_err(|e| self.err(e))?;
            for row in &rows {
                let article = self.read_article(row)?;
                let attributions = row
                    .get::<_, Option<&str>>(14)
                    .map(|d| {
                        serde_json::from_str(d)
                            .map_err(|e| self.corrupt(&article.id, "attributions", e.to_string()))
                    })
                    .transpose()?;
                let inferred_date = match article.published {
                    Some(_) => None,
                    None => row.get::<_, Option<String>>(15),
                };
                found.insert(
                    article.id.clone(),
                    StoryRead {
                        article,
                        attributions,
                        inferred_date,
                    },
                );
            }
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    fn state_articles(&self, name: &str) -> Result<Option<u64>, StoreError> {
        let row = self
            .cached_query_opt(
                "SELECT articles FROM clusterer_state WHERE name = $1",
                &[&name],
            )
            .map_err(|e| self.err(e))?;
        Ok(row.map(|r| r.get::<_, i64>(0) as u64))
    }

    fn articles_ready(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .cached_query_one(
                &format!("SELECT count(*) FROM articles a WHERE {READY}"),
                &[],
            )
            .map_err(|e| self.err(e))?
            .get(0);
        Ok(n as u64)
    }

    fn story_placements(&self) -> Result<Vec<(String, u64, String)>, StoreError> {
        let rows = self
            .cached_query(
                "SELECT a.id, s.story, s.detail FROM article_stories s \
                 JOIN articles a ON a.seq = s.article_seq ORDER BY s.story, a.seq",
                &[],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows
            .iter()
            .map(|r| (r.get(0), r.get::<_, i64>(1) as u64, r.get(2)))
            .collect())
    }

    fn articles_without_story(&self) -> Result<Vec<String>, StoreError> {
        let rows = self
            .cached_query(
                &format!(
                    "SELECT a.id FROM articles a LEFT JOIN article_stories s \
                     ON s.article_seq = a.seq WHERE s.article_seq IS NULL AND {READY} \
                     ORDER BY a.seq"
                ),
                &[],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn articles_to_cluster(&self) -> Result<Vec<String>, StoreError> {
        let rows = self
            .cached_query(
                &format!(
                    "SELECT a.id FROM articles a WHERE {READY} \
                     ORDER BY a.published_utc IS NULL, a.published_utc, a.id"
                ),
                &[],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn lock_stage(&mut self, name: &str) -> Result<(), StoreError> {
        let key = Self::advisory_key(name);
        self.client
            .get_mut()
            .execute("SELECT pg_advisory_lock($1)", &[&key])
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    fn try_lock_stage(&mut self, name: &str) -> Result<bool, StoreError> {
        let key = Self::advisory_key(name);
        let got: bool = self
            .client
            .get_mut()
            .query_one("SELECT pg_try_advisory_lock($1)", &[&key])
            .map_err(|e| self.err(e))?
            .get(0);
        Ok(got)
    }

    fn unlock_stage(&mut self, name: &str) -> Result<(), StoreError> {
        let key = Self::advisory_key(name);
        self.client
            .get_mut()
            .execute("SELECT pg_advisory_unlock($1)", &[&key])
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    fn describe(&self) -> String {
        self.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hidden_in_names() {
        assert_eq!(
            redact("postgres://news:s3cret@db.example:5432/tri"),
            "postgres://news:***@db.example:5432/tri"
        );
        assert_eq!(redact("postgres://news@db/tri"), "postgres://news@db/tri");
        assert_eq!(
            redact("host=db user=news password=s3cret dbname=tri"),
            "host=db user=news password=*** dbname=tri"
        );
    }

    #[test]
    fn sort_keys_match_sqlite_strftime() {
        // The values SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', v) gives for the same inputs.
        assert_eq!(published_utc("2025-07-10"), "2025-07-10T00:00:00.000Z");
        assert_eq!(
            published_utc("2025-07-10T12:30:00+02:00"),
            "2025-07-10T10:30:00.000Z"
        );
        assert_eq!(
            published_utc("2025-07-10T12:30:00Z"),
            "2025-07-10T12:30:00.000Z"
        );
        assert_eq!(
            published_utc("2025-07-10T12:30"),
            "2025-07-10T12:30:00.000Z"
        );
        assert_eq!(published_utc("July 2025"), "July 2025");
        let sqlite = rusqlite::Connection::open_in_memory().unwrap();
        for v in [
            "2025-07-10",
            "2025-07-10T12:30:00+02:00",
            "2025-07-10T12:30:00.250-05:30",
            "2025-07-10 08:00:00",
            "2025-07-10T23:59",
        ] {
            let s: String = sqlite
                .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ?1)", [v], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(published_utc(v), s, "{v}");
        }
    }

    #[test]
    fn search_folds_case_and_diacritics() {
        assert_eq!(
            fold("Zelenskyy in KYÏV, Ålesund"),
            "zelenskyy in kyiv, alesund"
        );
        assert_eq!(
            search_query("  Kyïv, ZELENSKYY! "),
            Some("kyiv zelenskyy".into())
        );
        assert_eq!(search_query("?? --"), None);
    }

    fn article(n: usize) -> Article {
        let text = format!("Report number {n} on the talks in Geneva.");
        let mut article = contract::bare_article(&tri_model::article_id(&text), &text);
        article.title = Some(format!("Report {n}"));
        article
    }

    fn done(articles: &[Article]) -> Vec<AnnotatedArticle> {
        articles
            .iter()
            .map(|a| AnnotatedArticle {
                id: a.id.clone(),
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn migrations_are_versioned_applied_once_and_a_newer_schema_is_refused() {
        let url = tri_pgtest::database();
        // Four processes opening a new database at once: each migration runs once.
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let url = url.clone();
                std::thread::spawn(move || PgStore::open(&url).map(|s| s.schema_version()))
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap().unwrap().unwrap(), PG_SCHEMA_VERSION);
        }
        let store = PgStore::open(&url).unwrap();
        let rows = store
            .client
            .borrow_mut()
            .query(
                "SELECT version, name FROM schema_migrations ORDER BY version",
                &[],
            )
            .unwrap();
        let got: Vec<(i32, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        assert_eq!(
            got,
            vec![(1, "schema".to_string()), (2, "work_queue".to_string())]
        );
        store
            .client
            .borrow_mut()
            .batch_execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')")
            .unwrap();
        match PgStore::open(&url) {
            Err(StoreError::SchemaTooNew { found: 99, .. }) => {}
            other => panic!("expected SchemaTooNew, got {other:?}"),
        }
    }

    #[test]
    fn a_bad_address_names_the_store_without_its_password() {
        let port = tri_pgtest::server().port;
        let err = PgStore::open(&format!("postgres://nobody:hunter2@127.0.0.1:{port}/nope"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("postgres://nobody:***@127.0.0.1"), "{err}");
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn workers_claim_disjoint_articles_and_a_dead_worker_s_claim_returns() {
        let url = tri_pgtest::database();
        let mut ingest = PgStore::open(&url).unwrap();
        let articles: Vec<Article> = (0..10).map(article).collect();
        let outcome = ingest.put_articles_deferred(&articles).unwrap();
        assert_eq!(outcome.inserted.len(), 10);
        // Deferred again: already stored, not queued twice.
        assert_eq!(
            ingest
                .put_articles_deferred(&articles[..3])
                .unwrap()
                .existing
                .len(),
            3
        );
        assert_eq!(ingest.queue_status().unwrap().pending, 10);
        assert_eq!(ingest.queue_status().unwrap().open_jobs, 1);
        // Nothing is ready for stories while the job is open and pending.
        assert!(ingest.articles_without_story().unwrap().is_empty());
        ingest.finish_deferred().unwrap();
        assert!(ingest.articles_without_story().unwrap().is_empty());

        let mut a = PgStore::open(&url).unwrap();
        let mut b = PgStore::open(&url).unwrap();
        let got_a = a.claim(4).unwrap();
        let got_b = b.claim(4).unwrap();
        assert_eq!(got_a.len(), 4);
        assert_eq!(got_b.len(), 4);
        let ids_a: HashSet<_> = got_a.iter().map(|x| x.id.clone()).collect();
        assert!(
            got_b.iter().all(|x| !ids_a.contains(&x.id)),
            "claims overlap"
        );
        // A worker that dies mid-claim: its connection closes, its articles are pending.
        let mut c = PgStore::open(&url).unwrap();
        let got_c = c.claim(10).unwrap();
        assert_eq!(got_c.len(), 2, "only the unclaimed ones");
        drop(c);
        a.complete("a", "test-1", &done(&got_a)).unwrap();
        // The one not handed back as done goes back to the queue.
        b.complete("b", "test-1", &done(&got_b[..3])).unwrap();
        let mut d = PgStore::open(&url).unwrap();
        let rest = d.claim(10).unwrap();
        assert_eq!(rest.len(), 3, "c's two and b's one");
        d.complete("d", "test-1", &done(&rest)).unwrap();
        assert!(d.claim(10).unwrap().is_empty());
        let counts = d.processing_counts().unwrap();
        assert_eq!(counts.len(), 10);
        assert!(counts.values().all(|&n| n == 1));
        let status = d.queue_status().unwrap();
        assert_eq!(
            (status.pending, status.processed, status.open_jobs),
            (0, 10, 0)
        );
        assert_eq!(d.annotated_with("test-1").unwrap().len(), 10);
        // Now the job is complete: its articles are ready for stories.
        assert_eq!(d.articles_without_story().unwrap().len(), 10);
        assert_eq!(d.articles_to_cluster().unwrap().len(), 10);
    }

    #[test]
    fn a_later_job_waits_for_an_earlier_one_and_direct_puts_do_not() {
        let url = tri_pgtest::database();
        let mut first = PgStore::open(&url).unwrap();
        first.put_articles_deferred(&[article(1)]).unwrap();
        first.finish_deferred().unwrap();
        let mut second = PgStore::open(&url).unwrap();
        second.put_articles_deferred(&[article(2)]).unwrap();
        second.finish_deferred().unwrap();
        let mut direct = PgStore::open(&url).unwrap();
        direct.put_articles(&[article(3)]).unwrap();
        assert_eq!(
            direct.articles_without_story().unwrap(),
            vec![article(3).id]
        );
        // Finish job 2 first: still held back by job 1.
        let mut w = PgStore::open(&url).unwrap();
        let claimed = w.claim(10).unwrap();
        assert_eq!(claimed[0].id, article(1).id, "oldest job first");
        w.complete("w", "t", &done(&claimed[1..])).unwrap();
        assert_eq!(
            direct.articles_without_story().unwrap(),
            vec![article(3).id]
        );
        let claimed = w.claim(10).unwrap();
        w.complete("w", "t", &done(&claimed)).unwrap();
        let mut ready = direct.articles_without_story().unwrap();
        ready.sort();
        let mut want = vec![article(1).id, article(2).id, article(3).id];
        want.sort();
        assert_eq!(ready, want);
    }

    #[test]
    fn stage_locks_exclude_other_connections() {
        let url = tri_pgtest::database();
        let mut a = PgStore::open(&url).unwrap();
        let mut b = PgStore::open(&url).unwrap();
        a.lock_stage("stories").unwrap();
        assert!(!b.try_lock_stage("stories").unwrap());
        assert!(b.try_lock_stage("other").unwrap());
        a.unlock_stage("stories").unwrap();
        assert!(b.try_lock_stage("stories").unwrap());
        drop(b); // a session's locks end with it, once the server has seen it go
        let started = std::time::Instant::now();
        while !a.try_lock_stage("stories").unwrap() {
            assert!(
                started.elapsed().as_secs() < 10,
                "lock not freed by a closed session"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// The store contract (`contract_tests.rs`) on a real PostgreSQL server, a fresh
    /// database per test.
    mod contract {
        use crate::PgStore;

        fn new_store() -> PgStore {
            PgStore::open(&tri_pgtest::database()).unwrap()
        }

        fn sql_row(store: &PgStore, sql: &str) -> Vec<String> {
            let messages = store.client.borrow_mut().simple_query(sql).unwrap();
            for m in messages {
                if let postgres::SimpleQueryMessage::Row(row) = m {
                    return (0..row.len())
                        .map(|i| row.get(i).unwrap_or("").to_string())
                        .collect();
                }
            }
            panic!("no row from {sql}");
        }

        include!("contract_tests.rs");
    }
}
