-- 0001: the articles table.
--
-- `seq` is an explicit INTEGER PRIMARY KEY (the rowid) so that it survives VACUUM: the
-- full-text index of 0002 refers to rows by it. The article id is the natural key and
-- is UNIQUE, which is what `INSERT ... ON CONFLICT(id) DO NOTHING` relies on.
CREATE TABLE articles (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    title            TEXT,
    byline           TEXT,
    outlet           TEXT,
    url              TEXT,
    feed             TEXT,
    -- Publication time as given (ISO 8601 date or date-time with offset) and how it
    -- was learned (`container`, `meta_tag`, ...).
    published        TEXT,
    published_source TEXT,
    -- Sort key: `published` converted to UTC when SQLite can parse it, else as given;
    -- NULL when unknown.
    published_utc    TEXT,
    language         TEXT,
    text             TEXT    NOT NULL,
    -- Length of `text` in Unicode scalar values, so listings need not read the text.
    chars            INTEGER NOT NULL,
    input            TEXT    NOT NULL,
    format           TEXT    NOT NULL,
    charset          TEXT    NOT NULL,
    -- JSON array of the boilerplate lines extraction dropped.
    removed          TEXT    NOT NULL DEFAULT '[]',
    ingested_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((published IS NULL) = (published_source IS NULL))
);

CREATE INDEX articles_published ON articles (published_utc, id);
CREATE INDEX articles_outlet ON articles (outlet);
