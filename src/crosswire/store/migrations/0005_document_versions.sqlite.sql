-- crosswire store, schema 5: a page fetched again after its outlet corrected or updated it is
-- stored as the next version of the document ("<id>~v2"), under the same address; so an address
-- no longer names one row. A re-post of the same words is still a duplicate (the text hash), and
-- the same address with other words is a new version rather than a duplicate.
DROP INDEX documents_url;
CREATE INDEX documents_url ON documents (url) WHERE url IS NOT NULL;
