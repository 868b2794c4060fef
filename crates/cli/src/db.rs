//! Which store a command works on: a SQLite file (the default, one machine) or a
//! PostgreSQL database (`postgres://...`, shared by workers and servers on many).

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tri_store::{is_postgres_url, redact, PgStore, SqliteStore, Store};

/// A store, whichever kind; every command works through the [`Store`] trait.
pub type AnyStore = Box<dyn Store + Send>;

/// Where the store is, as `--db` / `TRIANGULATE_DB` name it.
#[derive(Clone, Debug)]
pub enum Db {
    /// A SQLite file, created if missing.
    Sqlite(PathBuf),
    /// A PostgreSQL connection string.
    Postgres(String),
}

impl std::str::FromStr for Db {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(if is_postgres_url(s) {
            Db::Postgres(s.to_string())
        } else {
            Db::Sqlite(PathBuf::from(s))
        })
    }
}

impl fmt::Display for Db {
    /// The path, or the connection string with its password hidden.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Db::Sqlite(path) => write!(f, "{}", path.display()),
            Db::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

impl Db {
    /// The SQLite file, if this is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Db::Sqlite(path) => Some(path),
            Db::Postgres(_) => None,
        }
    }

    /// Opens the store, creating a SQLite file's folder if needed and applying any
    /// schema migrations the store lacks.
    pub fn open(&self) -> Result<AnyStore> {
        match self {
            Db::Sqlite(path) => {
                if let Some(dir) = path
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty() && !d.exists())
                {
                    std::fs::create_dir_all(dir).with_context(|| {
                        format!("creating the store's folder {}", dir.display())
                    })?;
                }
                let store = SqliteStore::open(path)
                    .with_context(|| format!("opening the store {}", path.display()))?;
                Ok(Box::new(store))
            }
            Db::Postgres(url) => {
                let store =
                    PgStore::open(url).with_context(|| format!("opening the store {self}"))?;
                Ok(Box::new(store))
            }
        }
    }

    /// Opens a PostgreSQL store, for what only it can do (the work queue).
    pub fn open_postgres(&self, what: &str, application: &str) -> Result<PgStore> {
        match self {
            Db::Postgres(url) => PgStore::open_as(url, application)
                .with_context(|| format!("opening the store {self}")),
            Db::Sqlite(path) => anyhow::bail!(
                "{what} needs a PostgreSQL store (--db postgres://...); {} is a SQLite file",
                path.display()
            ),
        }
    }
}
