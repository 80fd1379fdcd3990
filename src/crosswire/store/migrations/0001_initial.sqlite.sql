-- crosswire store, schema 1 (SQLite). Applied in one transaction by store/migrate.py.
CREATE TABLE documents (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,  -- stable rowid for the FTS index (VACUUM keeps it)
    id          TEXT NOT NULL UNIQUE,
    text        TEXT NOT NULL,
    text_hash   TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    source      TEXT,
    published   TEXT,
    data        TEXT NOT NULL,          -- every other Document field, JSON
    story_id    TEXT,
    added_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_text_hash ON documents (text_hash);
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url IS NOT NULL;
CREATE INDEX documents_story ON documents (story_id);

-- External-content FTS5 index over documents(title, text), kept in step by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content = 'documents', content_rowid = 'seq', tokenize = 'porter unicode61');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TABLE stories (
    id                  TEXT PRIMARY KEY,
    headline            TEXT NOT NULL DEFAULT '',
    first_date          TEXT,
    last_date           TEXT,
    independent_sources INTEGER NOT NULL DEFAULT 0,
    conflicts           INTEGER NOT NULL DEFAULT 0,
    entities            TEXT NOT NULL DEFAULT '',   -- lower-cased names, one a line, for filtering
    brief               TEXT,                       -- brief JSON of this story
    brief_md            TEXT,
    brief_html          TEXT,
    stale               INTEGER NOT NULL DEFAULT 1,
    error               TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT                        -- when the brief was computed
);
CREATE INDEX stories_dates ON stories (first_date, last_date);

CREATE TABLE feeds (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    url            TEXT NOT NULL UNIQUE,
    interval       REAL NOT NULL,
    etag           TEXT,
    last_modified  TEXT,
    last_polled    TEXT,
    last_error     TEXT,
    created_at     TEXT NOT NULL
);

CREATE TABLE folders (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    path          TEXT NOT NULL UNIQUE,
    interval      REAL NOT NULL,
    last_scanned  TEXT,
    last_error    TEXT,
    created_at    TEXT NOT NULL
);

CREATE TABLE folder_files (
    folder_id  INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
    relpath    TEXT NOT NULL,
    signature  TEXT NOT NULL,
    PRIMARY KEY (folder_id, relpath)
);

CREATE TABLE tokens (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    digest      TEXT NOT NULL UNIQUE,   -- SHA-256 of the token; the token itself is never stored
    created_at  TEXT NOT NULL
);
