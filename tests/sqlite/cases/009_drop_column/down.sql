-- undo - column trades.note
--   brings the column back empty (its default or NULL)
ALTER TABLE trades ADD COLUMN note TEXT;
