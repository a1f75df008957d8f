-- undo > index by_ref -> tags_ref_idx (built again: SQLite cannot rename one)
DROP INDEX tags_ref_idx;
CREATE INDEX by_ref ON tags (ref);

-- undo > index tags_ref_idx -> tags_ref_idx1 (built again: SQLite cannot rename one)
DROP INDEX tags_ref_idx1;
CREATE INDEX tags_ref_idx ON tags (ref DESC);
