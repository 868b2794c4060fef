//! The errors a store reports; each names the store (its path) it is about.

use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database could not be opened or configured (missing directory, not a
    /// SQLite file, no permission, ...).
    #[error("cannot open store at {path}: {source}")]
    Open {
        /// The database file (`:memory:` for an in-memory store).
        path: PathBuf,
        /// What SQLite reported.
        #[source]
        source: rusqlite::Error,
    },

    /// A schema migration failed; the database stays at the version before it.
    #[error("cannot upgrade store at {path} to schema version {version} ({name}): {source}")]
    Migrate {
        /// The database file (`:memory:` for an in-memory store).
        path: PathBuf,
        /// The version that failed.
        version: u32,
        /// The migration's name.
        name: &'static str,
        /// What SQLite reported.
        #[source]
        source: rusqlite::Error,
    },

    /// The database was written by a newer build that knows more migrations.
    #[error(
        "store at {path} has schema version {found}, but this build knows only up to \
         version {supported}; use a newer triangulate"
    )]
    SchemaTooNew {
        /// The database file (`:memory:` for an in-memory store).
        path: PathBuf,
        /// The version recorded in the database.
        found: u32,
        /// The newest version this build knows.
        supported: u32,
    },

    /// A query or write failed after the store was opened.
    #[error("store at {path}: {source}")]
    Sqlite {
        /// The database file (`:memory:` for an in-memory store).
        path: PathBuf,
        /// What SQLite reported.
        #[source]
        source: rusqlite::Error,
    },

    /// A stored value could not be read back as the model expects.
    #[error("store at {path}: article {id} has an unreadable {field}: {detail}")]
    Corrupt {
        /// The database file (`:memory:` for an in-memory store).
        path: PathBuf,
        /// The article's id.
        id: String,
        /// The column that could not be read.
        field: &'static str,
        /// What was wrong with it.
        detail: String,
    },

    /// An id prefix matches more than one article.
    #[error(
        "id prefix {prefix:?} is ambiguous: it matches {}{}",
        candidates.join(", "),
        if *more { ", ..." } else { "" }
    )]
    Ambiguous {
        /// The prefix as given.
        prefix: String,
        /// Some of the matching ids, in id order.
        candidates: Vec<String>,
        /// Whether more ids match than `candidates` lists.
        more: bool,
    },

    /// An id prefix shorter than [`crate::MIN_PREFIX_LEN`] that is not a full id.
    #[error("id prefix {prefix:?} is too short: give at least {min} characters", min = crate::MIN_PREFIX_LEN)]
    PrefixTooShort {
        /// The prefix as given.
        prefix: String,
    },

    /// A PostgreSQL store could not be reached, or a query or write on it failed.
    #[error("store at {store}: {source}")]
    Postgres {
        /// The connection string, password hidden.
        store: String,
        /// What PostgreSQL (or the connection) reported.
        #[source]
        source: postgres::Error,
    },

    /// A schema migration of a PostgreSQL store failed; it stays at the version before.
    #[error("cannot upgrade store at {store} to schema version {version} ({name}): {source}")]
    PostgresMigrate {
        /// The connection string, password hidden.
        store: String,
        /// The version that failed.
        version: u32,
        /// The migration's name.
        name: &'static str,
        /// What PostgreSQL reported.
        #[source]
        source: postgres::Error,
    },

    /// The store cannot do this (the work queue needs PostgreSQL).
    #[error("store at {store}: {what}")]
    Unsupported {
        /// The store's path or connection string.
        store: String,
        /// What was asked, and why it cannot be done.
        what: String,
    },
}
