-- crosswire store, schema 6: how many of a story's reports their outlets corrected, clarified or
-- retracted (an "N corrections" badge in the story list, beside conflicts and updates). Briefs
-- stored before it are recomputed anyway (brief revision 5), which fills the column.
ALTER TABLE stories ADD COLUMN corrections INTEGER NOT NULL DEFAULT 0;
