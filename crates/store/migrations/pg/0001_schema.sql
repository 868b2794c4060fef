-- 0001: the whole schema of the SQLite store's migrations 0001-0007, in PostgreSQL.
--
-- Ids, keys and sort keys are compared as bytes (COLLATE "C"), as SQLite compares them,
-- so listings, prefixes and ties come out in the same order on both stores whatever
-- the database's locale. JSON records stay TEXT: they are read whole and parsed by the
-- model, and TEXT keeps them byte for byte as written.
CREATE TABLE articles (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               TEXT COLLATE "C" NOT NULL UNIQUE,
    title            TEXT,
    byline           TEXT,
    outlet           TEXT,
    url              TEXT,
    feed             TEXT,
    published        TEXT,
    published_source TEXT,
    -- Sort key: `published` in UTC as `YYYY-MM-DDTHH:MM:SS.sssZ` when it parses, else
    -- as given; NULL when unknown. Computed by the store, the same way as SQLite's.
    published_utc    TEXT COLLATE "C",
    language         TEXT,
    text             TEXT NOT NULL,
    chars            BIGINT NOT NULL,
    input            TEXT NOT NULL,
    format           TEXT NOT NULL,
    charset          TEXT NOT NULL,
    removed          TEXT NOT NULL DEFAULT '[]',
    -- Title and text folded (case, diacritics) by the store, as words: SQLite's
    -- `unicode61 remove_diacritics` tokenizer does the same folding for its index.
    search           TSVECTOR NOT NULL,
    ingested_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((published IS NULL) = (published_source IS NULL))
);

CREATE INDEX articles_published ON articles (published_utc, id);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE entities (
    key        TEXT COLLATE "C" PRIMARY KEY,
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    wikidata   TEXT,
    country    TEXT,
    stands_for TEXT
);

CREATE TABLE article_entities (
    article_seq BIGINT NOT NULL REFERENCES articles (seq),
    key         TEXT COLLATE "C" NOT NULL REFERENCES entities (key),
    first_at    BIGINT NOT NULL,
    mentions    BIGINT NOT NULL,
    detail      TEXT   NOT NULL,
    PRIMARY KEY (article_seq, key)
);
CREATE INDEX article_entities_key ON article_entities (key);

CREATE TABLE annotations (
    article_seq  BIGINT PRIMARY KEY REFERENCES articles (seq),
    annotator    TEXT NOT NULL,
    annotated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX annotations_annotator ON annotations (annotator);

CREATE TABLE article_attributions (
    article_seq BIGINT PRIMARY KEY REFERENCES articles (seq),
    quotes      BIGINT NOT NULL,
    sources     BIGINT NOT NULL,
    origin      TEXT,
    detail      TEXT NOT NULL
);
CREATE INDEX article_attributions_origin ON article_attributions (origin);

CREATE TABLE article_chronology (
    article_seq BIGINT PRIMARY KEY REFERENCES articles (seq),
    published   TEXT,
    evidence    TEXT,
    timexes     BIGINT NOT NULL,
    flags       BIGINT NOT NULL,
    predictions BIGINT NOT NULL,
    next_due    TEXT,
    detail      TEXT NOT NULL
);
CREATE INDEX article_chronology_published ON article_chronology (published);
CREATE INDEX article_chronology_next_due ON article_chronology (next_due);

CREATE TABLE article_figures (
    article_seq BIGINT PRIMARY KEY REFERENCES articles (seq),
    figures     BIGINT NOT NULL,
    detail      TEXT NOT NULL
);

CREATE TABLE article_events (
    article_seq BIGINT PRIMARY KEY REFERENCES articles (seq),
    events      BIGINT NOT NULL,
    detail      TEXT NOT NULL
);

CREATE TABLE clusterer_state (
    name     TEXT PRIMARY KEY,
    articles BIGINT NOT NULL,
    state    TEXT NOT NULL
);

CREATE TABLE article_stories (
    article_seq BIGINT PRIMARY KEY REFERENCES articles (seq),
    story       BIGINT NOT NULL,
    detail      TEXT NOT NULL
);
CREATE INDEX article_stories_story ON article_stories (story);
