-- crosswire store, schema 2: where the documents of a story that is gone went (a stream merge or
-- a regrouping took its last document), so a link to the old story still leads somewhere.
CREATE TABLE story_moves (
    old_id    TEXT PRIMARY KEY,
    new_id    TEXT NOT NULL,
    moved_at  TEXT NOT NULL
);
