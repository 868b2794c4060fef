-- 0004: quotes, sources and provenance found in articles.
--
-- One row per annotated article: the whole attribution record (JSON of
-- tri_model::Attributions), read whole. Replaced as a unit when an article is
-- annotated again, so re-annotation never duplicates quotes.
CREATE TABLE article_attributions (
    article_seq INTEGER PRIMARY KEY REFERENCES articles (seq),
    -- How many quotes and sources, to list articles without parsing the record.
    quotes      INTEGER NOT NULL,
    sources     INTEGER NOT NULL,
    -- The origin outlet the article names, if any.
    origin      TEXT,
    detail      TEXT    NOT NULL
);

CREATE INDEX article_attributions_origin ON article_attributions (origin);
