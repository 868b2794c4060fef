use tri_model::InputFormat;

use super::*;
use crate::SCHEMA_VERSION;
use contract::{bare_article, full_article, ids};

/// The store contract (`../contract_tests.rs`) on SQLite, in memory.
mod contract {
    use crate::SqliteStore;

    fn new_store() -> SqliteStore {
        SqliteStore::open_in_memory().unwrap()
    }

    fn sql_row(store: &SqliteStore, sql: &str) -> Vec<String> {
        use rusqlite::types::Value;
        store
            .conn
            .query_row(sql, [], |r| {
                (0..r.as_ref().column_count())
                    .map(|i| {
                        Ok(match r.get::<_, Value>(i)? {
                            Value::Null => String::new(),
                            Value::Integer(n) => n.to_string(),
                            Value::Real(x) => x.to_string(),
                            Value::Text(t) => t,
                            Value::Blob(b) => format!("{b:?}"),
                        })
                    })
                    .collect()
            })
            .unwrap()
    }

    include!("../contract_tests.rs");
}

fn migration_rows(store: &SqliteStore) -> Vec<(u32, String, String)> {
    let mut stmt = store
        .conn
        .prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn round_trips_every_date_source_and_input_format() {
    let sources = [
        DateSource::User,
        DateSource::Container,
        DateSource::MetaTag,
        DateSource::JsonLd,
        DateSource::TimeElement,
        DateSource::Url,
        DateSource::Text,
    ];
    let formats = [
        InputFormat::Text,
        InputFormat::Html,
        InputFormat::Rss,
        InputFormat::Atom,
        InputFormat::Warc,
        InputFormat::Jsonl,
    ];
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut articles = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        for (j, format) in formats.iter().enumerate() {
            let mut a = full_article(&format!("article {i} {j}"));
            a.published.as_mut().unwrap().source = *source;
            a.format = *format;
            articles.push(a);
        }
    }
    store.put_articles(&articles).unwrap();
    for a in &articles {
        assert_eq!(store.article(&a.id).unwrap().as_ref(), Some(a));
    }
    // Stored as the same names the model serializes to.
    let name: String = store
        .conn
        .query_row(
            "SELECT published_source FROM articles WHERE id = ?1",
            [&articles[formats.len() * 2].id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, "meta_tag");
}

#[test]
fn a_fresh_store_gets_every_migration_and_reopening_applies_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let rows = migration_rows(&store);
    let expected: Vec<(u32, &str)> = MIGRATIONS.iter().map(|m| (m.version, m.name)).collect();
    assert_eq!(
        rows.iter()
            .map(|(v, n, _)| (*v, n.as_str()))
            .collect::<Vec<_>>(),
        expected
    );
    drop(store);

    let mut conn = Connection::open(&path).unwrap();
    assert!(migrations::migrate(&mut conn, &path, MIGRATIONS)
        .unwrap()
        .is_empty());
    drop(conn);
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(migration_rows(&store), rows);
}

#[test]
fn upgrades_a_store_from_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let old = &MIGRATIONS[..MIGRATIONS.len() - 1];
    let mut store = SqliteStore::open_with(&path, old).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION - 1);
    let mut a = bare_article("0001", "Written before the full-text index existed.");
    a.title = Some("Old article".into());
    store.put_articles(std::slice::from_ref(&a)).unwrap();
    drop(store);

    let mut conn = Connection::open(&path).unwrap();
    assert_eq!(
        migrations::migrate(&mut conn, &path, MIGRATIONS).unwrap(),
        vec![SCHEMA_VERSION]
    );
    drop(conn);
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.article("0001").unwrap(), Some(a));
    // Articles stored before the upgrade are in the new index, and new ones join them.
    assert_eq!(ids(&store.search("existed").unwrap()), vec!["0001"]);
    store
        .put_articles(&[bare_article("0002", "Written after it existed.")])
        .unwrap();
    let mut hits = ids(&store.search("existed").unwrap())
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    hits.sort();
    assert_eq!(hits, vec!["0001", "0002"]);
}

#[test]
fn refuses_a_store_from_a_newer_build() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let store = SqliteStore::open(&path).unwrap();
    store
        .conn
        .execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?1, 'from_the_future')",
            [SCHEMA_VERSION + 1],
        )
        .unwrap();
    drop(store);
    match SqliteStore::open(&path) {
        Err(err @ StoreError::SchemaTooNew { .. }) => {
            let message = err.to_string();
            assert!(message.contains(&path.display().to_string()), "{message}");
            assert!(
                message.contains(&format!("version {}", SCHEMA_VERSION + 1)),
                "{message}"
            );
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
}

#[test]
fn keeps_articles_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let a = full_article("Kept on disk.");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_articles(std::slice::from_ref(&a)).unwrap();
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 1, "synchronous=NORMAL");
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.path(), path);
    assert_eq!(store.count().unwrap(), 1);
    assert_eq!(store.article(&a.id).unwrap(), Some(a));
}

#[test]
fn errors_name_the_store_path() {
    let dir = tempfile::tempdir().unwrap();
    let not_db = dir.path().join("notes.txt");
    std::fs::write(
        &not_db,
        "this is not a database, just some text ".repeat(100),
    )
    .unwrap();
    let err = SqliteStore::open(&not_db).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("cannot open store at {}", not_db.display())),
        "{message}"
    );

    let missing_dir = dir.path().join("no/such/dir/store.db");
    let err = SqliteStore::open(&missing_dir).unwrap_err();
    assert!(
        err.to_string().contains(&missing_dir.display().to_string()),
        "{err}"
    );
}

#[test]
fn an_unreadable_stored_value_is_reported_not_guessed() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store
        .put_articles(&[bare_article("abcd0001", "text")])
        .unwrap();
    store
        .conn
        .execute(
            "UPDATE articles SET format = 'pdf' WHERE id = 'abcd0001'",
            [],
        )
        .unwrap();
    match store.article("abcd") {
        Err(StoreError::Corrupt { id, field, .. }) => {
            assert_eq!((id.as_str(), field), ("abcd0001", "format"));
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert!(matches!(
        store.articles(),
        Err(StoreError::Corrupt {
            field: "format",
            ..
        })
    ));
}

#[test]
fn search_index_catches_up_and_follows_edits_of_indexed_rows() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store
        .put_articles(&[bare_article(
            "0001",
            "The harbour ferry line opens in spring.",
        )])
        .unwrap();
    assert_eq!(ids(&store.search("ferry").unwrap()), vec!["0001"]);
    // Stored after the index last caught up: found all the same.
    store
        .put_articles(&[bare_article(
            "0002",
            "A second ferry line is planned for autumn.",
        )])
        .unwrap();
    let found = store.search("ferry").unwrap();
    let mut hits = ids(&found);
    hits.sort();
    assert_eq!(hits, vec!["0001", "0002"]);
    // Edits and deletes of indexed rows reach the index; of rows not yet indexed, the
    // catch-up reads their current values.
    store
        .put_articles(&[bare_article("0003", "The ferry timetable is out.")])
        .unwrap();
    store
        .conn
        .execute_batch(
            "UPDATE articles SET text = 'The bridge reopens.' WHERE id = '0001';
             UPDATE articles SET text = 'The bus timetable is out.' WHERE id = '0003';
             DELETE FROM articles WHERE id = '0002';",
        )
        .unwrap();
    assert!(store.search("ferry").unwrap().is_empty());
    assert_eq!(ids(&store.search("bridge").unwrap()), vec!["0001"]);
    assert_eq!(ids(&store.search("bus").unwrap()), vec!["0003"]);
    store
        .conn
        .execute_batch("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');")
        .unwrap();
}
