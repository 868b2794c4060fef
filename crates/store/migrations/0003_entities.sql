-- 0003: entities found in articles.
--
-- `entities` holds one row per canonical entity (its key is the same for the same
-- entity in every article); `article_entities` what one article says about it: the
-- names it uses, roles, affiliations and every mention with its span, as JSON, since
-- they are read whole. Annotations of an article are replaced as a unit, so annotating
-- again (a newer model) never duplicates them.
CREATE TABLE entities (
    key        TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    wikidata   TEXT,
    country    TEXT,
    stands_for TEXT
);

CREATE TABLE article_entities (
    article_seq INTEGER NOT NULL REFERENCES articles (seq),
    key         TEXT    NOT NULL REFERENCES entities (key),
    -- Position of the entity's first mention, for a stable reading order.
    first_at    INTEGER NOT NULL,
    mentions    INTEGER NOT NULL,
    -- The whole entity as this article has it (JSON of tri_model::Entity).
    detail      TEXT    NOT NULL,
    PRIMARY KEY (article_seq, key)
);

CREATE INDEX article_entities_key ON article_entities (key);

-- Which annotator version produced an article's annotations.
CREATE TABLE annotations (
    article_seq  INTEGER PRIMARY KEY REFERENCES articles (seq),
    annotator    TEXT NOT NULL,
    annotated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
