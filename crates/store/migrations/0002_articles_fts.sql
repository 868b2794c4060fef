-- 0002: full-text index over article titles and text.
--
-- An external-content FTS5 table: it stores only the index and reads title and text
-- back from `articles` by `seq`. Triggers keep it in step with the table; the final
-- 'rebuild' indexes the articles stored before this migration ran.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title,
    text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
