-- 0006: the events found in articles, coded in PLOVER.
--
-- One row per annotated article, holding its events as a JSON array of tri_model::Event,
-- read whole and replaced as a unit when the article is annotated again, so
-- re-annotation never duplicates.
CREATE TABLE article_events (
    article_seq INTEGER PRIMARY KEY REFERENCES articles (seq),
    events      INTEGER NOT NULL,
    detail      TEXT    NOT NULL
);
