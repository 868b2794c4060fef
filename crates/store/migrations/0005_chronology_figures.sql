-- 0005: the chronology and the figures found in articles.
--
-- One row per annotated article in each table, holding the whole record as JSON
-- (tri_model::Chronology; a JSON array of tri_model::Figure), read whole and replaced as
-- a unit when the article is annotated again, so re-annotation never duplicates.
CREATE TABLE article_chronology (
    article_seq INTEGER PRIMARY KEY REFERENCES articles (seq),
    -- The publication date the expressions were resolved against (YYYY-MM-DD), from
    -- the metadata or inferred, and how it was known.
    published   TEXT,
    evidence    TEXT,
    timexes     INTEGER NOT NULL,
    flags       INTEGER NOT NULL,
    predictions INTEGER NOT NULL,
    -- The earliest due date of the article's predictions, to list what falls due.
    next_due    TEXT,
    detail      TEXT    NOT NULL
);

CREATE INDEX article_chronology_published ON article_chronology (published);
CREATE INDEX article_chronology_next_due ON article_chronology (next_due);

CREATE TABLE article_figures (
    article_seq INTEGER PRIMARY KEY REFERENCES articles (seq),
    figures     INTEGER NOT NULL,
    detail      TEXT    NOT NULL
);
