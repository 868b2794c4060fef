-- 0002: full-text index over article titles and text, kept up to date lazily.
--
-- An external-content FTS5 table: it stores only the index and reads title and text
-- back from `articles` by `seq`. Indexing costs several times what storing the article
-- does, so ingest does not pay it: `fts_progress` records the highest `seq` indexed, and
-- a search first indexes the rows above it (seq only grows, so nothing is missed).
-- Deletes and updates of rows already indexed keep the index in step by trigger.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title,
    text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE fts_progress (
    indexed_through INTEGER NOT NULL
);
INSERT INTO fts_progress (indexed_through) VALUES (0);

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN old.seq <= (SELECT indexed_through FROM fts_progress) BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
WHEN old.seq <= (SELECT indexed_through FROM fts_progress) BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
