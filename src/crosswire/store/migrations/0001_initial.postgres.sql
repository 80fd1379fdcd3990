-- crosswire store, schema 1 (PostgreSQL). Applied in one transaction by store/migrate.py.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    text        TEXT NOT NULL,
    text_hash   TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    source      TEXT,
    published   TEXT,
    data        TEXT NOT NULL,
    story_id    TEXT,
    added_at    TEXT NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (
                    to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE UNIQUE INDEX documents_text_hash ON documents (text_hash);
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url IS NOT NULL;
CREATE INDEX documents_story ON documents (story_id);
CREATE INDEX documents_tsv ON documents USING GIN (tsv);

CREATE TABLE stories (
    id                  TEXT PRIMARY KEY,
    headline            TEXT NOT NULL DEFAULT '',
    first_date          TEXT,
    last_date           TEXT,
    independent_sources INTEGER NOT NULL DEFAULT 0,
    conflicts           INTEGER NOT NULL DEFAULT 0,
    entities            TEXT NOT NULL DEFAULT '',
    brief               TEXT,
    brief_md            TEXT,
    brief_html          TEXT,
    stale               INTEGER NOT NULL DEFAULT 1,
    error               TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT
);
CREATE INDEX stories_dates ON stories (first_date, last_date);

CREATE TABLE feeds (
    id             BIGSERIAL PRIMARY KEY,
    url            TEXT NOT NULL UNIQUE,
    interval       DOUBLE PRECISION NOT NULL,
    etag           TEXT,
    last_modified  TEXT,
    last_polled    TEXT,
    last_error     TEXT,
    created_at     TEXT NOT NULL
);

CREATE TABLE folders (
    id            BIGSERIAL PRIMARY KEY,
    path          TEXT NOT NULL UNIQUE,
    interval      DOUBLE PRECISION NOT NULL,
    last_scanned  TEXT,
    last_error    TEXT,
    created_at    TEXT NOT NULL
);

CREATE TABLE folder_files (
    folder_id  BIGINT NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    relpath    TEXT NOT NULL,
    signature  TEXT NOT NULL,
    PRIMARY KEY (folder_id, relpath)
);

CREATE TABLE tokens (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    digest      TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);
