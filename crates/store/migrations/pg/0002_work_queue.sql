-- 0002: the work queue of `triangulate worker`.
--
-- `ingest --defer` stores articles without annotating them: each run is one job, and
-- each article it stored new gets a `pending` row. Workers claim pending rows with
-- `SELECT ... FOR UPDATE SKIP LOCKED` inside a transaction that stays open while they
-- annotate; the annotations, the `work_log` row and the deletion of the `pending` row
-- commit together. A worker that dies rolls back: its rows are unlocked and pending
-- again, and nothing it did is left half-written.
CREATE TABLE ingest_jobs (
    job        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    opened_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Every committed batch touches its job: a job left open and untouched for long
    -- (its ingest was killed) stops holding back the stories of later jobs.
    touched_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at  TIMESTAMPTZ
);

-- The job that stored the article; NULL for articles stored and annotated at once.
ALTER TABLE articles ADD COLUMN job BIGINT REFERENCES ingest_jobs (job);
CREATE INDEX articles_job ON articles (job);

CREATE TABLE pending (
    article_seq BIGINT PRIMARY KEY REFERENCES articles (seq),
    job         BIGINT NOT NULL REFERENCES ingest_jobs (job),
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pending_job ON pending (job, article_seq);

-- One row per article a worker annotated and committed: who, with which annotator,
-- when. An article processed twice would show here twice.
CREATE TABLE work_log (
    article_seq BIGINT NOT NULL REFERENCES articles (seq),
    worker      TEXT NOT NULL,
    annotator   TEXT NOT NULL,
    done_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX work_log_article ON work_log (article_seq);
