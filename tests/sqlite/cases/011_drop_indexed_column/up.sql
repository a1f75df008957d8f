-- - index trades_symbol_idx on trades
DROP INDEX trades_symbol_idx;

-- - column trades.symbol
--   data-loss: the values of trades.symbol are deleted
--   table-rewrite: SQLite rewrites every row of trades to drop the column, with the database locked for writing
--   loses the values of column trades.symbol
ALTER TABLE trades DROP COLUMN symbol;
