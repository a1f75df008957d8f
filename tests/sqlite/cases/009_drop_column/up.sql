-- - column trades.note
--   data-loss: the values of trades.note are deleted
--   table-rewrite: SQLite rewrites every row of trades to drop the column, with the database locked for writing
--   loses the values of column trades.note
ALTER TABLE trades DROP COLUMN note;
