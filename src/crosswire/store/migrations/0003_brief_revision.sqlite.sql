-- crosswire store, schema 3: which revision of the brief format a stored brief was computed with
-- (crosswire.brief.json_out.BRIEF_REVISION). A service started by a newer crosswire recomputes the
-- briefs an older one stored, so no reader gets a brief of an older shape. NULL: before schema 3.
ALTER TABLE stories ADD COLUMN brief_revision INTEGER;
