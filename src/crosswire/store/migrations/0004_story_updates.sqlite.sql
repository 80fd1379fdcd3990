-- crosswire store, schema 4: how many figures of a story a later report updates (a rising death
-- toll: "at least 12 people → rose to 24"), shown beside its conflicts in the story list. Briefs
-- stored before schema 4 that hold an update are marked for recomputation, which fills the column.
ALTER TABLE stories ADD COLUMN updates INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET brief_revision = NULL WHERE brief LIKE '%"kind": "update"%';
