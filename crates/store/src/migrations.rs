//! Versioned schema migrations for the SQLite store.
//!
//! Each migration is one SQL file under `migrations/`, embedded at build time. The
//! `schema_migrations` table records which versions a database has; opening a store
//! applies the missing ones in order, one transaction each, and refuses a database whose
//! version is newer than this build knows.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// One schema change: applied once, in version order, never edited after release.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration this build knows, in version order (1, 2, ...).
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "articles",
        sql: include_str!("../migrations/0001_articles.sql"),
    },
    Migration {
        version: 2,
        name: "articles_fts",
        sql: include_str!("../migrations/0002_articles_fts.sql"),
    },
    Migration {
        version: 3,
        name: "entities",
        sql: include_str!("../migrations/0003_entities.sql"),
    },
    Migration {
        version: 4,
        name: "attributions",
        sql: include_str!("../migrations/0004_attributions.sql"),
    },
    Migration {
        version: 5,
        name: "chronology_figures",
        sql: include_str!("../migrations/0005_chronology_figures.sql"),
    },
    Migration {
        version: 6,
        name: "events",
        sql: include_str!("../migrations/0006_events.sql"),
    },
    Migration {
        version: 7,
        name: "story_state",
        sql: include_str!("../migrations/0007_story_state.sql"),
    },
];

/// The schema version a store opened by this build ends up at.
pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

const CREATE_SCHEMA_MIGRATIONS: &str = "
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);";

/// The highest migration version recorded in the database (0 for none).
pub(crate) fn current_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row(
        "SELECT coalesce(max(version), 0) FROM schema_migrations",
        [],
        |row| row.get(0),
    )
}

/// Brings the database up to the last of `migrations`; returns the versions applied.
pub(crate) fn migrate(
    conn: &mut Connection,
    path: &Path,
    migrations: &[Migration],
) -> Result<Vec<u32>, StoreError> {
    let open_err = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    conn.execute_batch(CREATE_SCHEMA_MIGRATIONS)
        .map_err(open_err)?;
    let supported = migrations.last().map_or(0, |m| m.version);
    let found = current_version(conn).map_err(open_err)?;
    if found > supported {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found,
            supported,
        });
    }

    let mut applied = Vec::new();
    for migration in migrations.iter().filter(|m| m.version > found) {
        let migrate_err = |source| StoreError::Migrate {
            path: path.to_path_buf(),
            version: migration.version,
            name: migration.name,
            source,
        };
        // IMMEDIATE takes the write lock up front, so two processes opening the same
        // new database do not both run a migration: the second waits, then sees it done.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(migrate_err)?;
        if current_version(&tx).map_err(migrate_err)? >= migration.version {
            continue;
        }
        tx.execute_batch(migration.sql).map_err(migrate_err)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
            (migration.version, migration.name),
        )
        .map_err(migrate_err)?;
        tx.commit().map_err(migrate_err)?;
        applied.push(migration.version);
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_up_from_one_and_files_are_not_empty() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                m.version as usize,
                i + 1,
                "migration {} out of order",
                m.name
            );
            assert!(!m.sql.trim().is_empty(), "migration {} is empty", m.name);
        }
        assert_eq!(SCHEMA_VERSION as usize, MIGRATIONS.len());
    }
}
