-- > column trades.symbol -> ticker
--   breaks-running-app: SQL that names column symbol stops working; deploy code that works with both names first
ALTER TABLE trades RENAME COLUMN symbol TO ticker;

-- > index trades_symbol_idx -> trades_ticker_idx (built again: SQLite cannot rename one)
--   full-scan: reads every row of trades to build the index again
DROP INDEX trades_symbol_idx;
CREATE INDEX trades_ticker_idx ON trades (ticker);
