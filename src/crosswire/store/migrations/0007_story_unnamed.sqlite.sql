-- crosswire store, schema 7: how many of a story's corroborated facts rest, in every report that
-- gives them, on sources the report does not name (an "N on unnamed sources" badge in the story
-- list). Briefs stored before it are recomputed anyway (brief revision 6), which fills the column.
ALTER TABLE stories ADD COLUMN unnamed INTEGER NOT NULL DEFAULT 0;
