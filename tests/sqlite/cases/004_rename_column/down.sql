-- undo > index trades_symbol_idx -> trades_ticker_idx (built again: SQLite cannot rename one)
DROP INDEX trades_ticker_idx;
CREATE INDEX trades_symbol_idx ON trades (ticker);

-- undo > column trades.symbol -> ticker
ALTER TABLE trades RENAME COLUMN ticker TO symbol;
