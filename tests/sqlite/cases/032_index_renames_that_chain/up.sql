-- > index tags_ref_idx -> tags_ref_idx1 (built again: SQLite cannot rename one)
--   full-scan: reads every row of tags to build the index again
DROP INDEX tags_ref_idx;
CREATE INDEX tags_ref_idx1 ON tags (ref DESC);

-- > index by_ref -> tags_ref_idx (built again: SQLite cannot rename one)
--   full-scan: reads every row of tags to build the index again
DROP INDEX by_ref;
CREATE INDEX tags_ref_idx ON tags (ref);
