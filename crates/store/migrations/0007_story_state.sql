-- 0007: stories. The state of the story clusterer, so that each ingest adds its new
-- articles to the stories already found instead of clustering the whole store again; and
-- the placement of every article whose story has closed, which the state then forgets.
--
-- The state is one row per named stage, written whole in one statement, with the
-- placements it handed out in the same transaction: a killed ingest leaves the previous
-- state and placements, and the articles it had not placed are placed by the next run.
CREATE TABLE clusterer_state (
    name     TEXT    PRIMARY KEY,
    articles INTEGER NOT NULL,
    state    TEXT    NOT NULL
);

-- One row per article whose story has closed: the story's number in the clusterer and
-- the placement as JSON (copy of, origin, the articles an inferred origin comes from).
CREATE TABLE article_stories (
    article_seq INTEGER PRIMARY KEY REFERENCES articles (seq),
    story       INTEGER NOT NULL,
    detail      TEXT    NOT NULL
);
CREATE INDEX article_stories_story ON article_stories (story);
