-- 0007: the state of the story clusterer, so that each ingest adds its new articles to
-- the stories already found instead of clustering the whole store again.
--
-- One row per named state: its JSON and how many articles it has seen. Written whole in
-- one statement, so a killed ingest leaves the previous state, and the articles it had
-- not yet placed are placed by the next update.
CREATE TABLE clusterer_state (
    name     TEXT    PRIMARY KEY,
    articles INTEGER NOT NULL,
    state    TEXT    NOT NULL
);
