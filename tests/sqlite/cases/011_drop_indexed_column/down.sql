-- undo - column trades.symbol
--   brings the column back empty (its default or NULL)
ALTER TABLE trades ADD COLUMN symbol TEXT NOT NULL DEFAULT 'BTC';

-- undo - index trades_symbol_idx on trades
CREATE INDEX trades_symbol_idx ON trades (symbol);
