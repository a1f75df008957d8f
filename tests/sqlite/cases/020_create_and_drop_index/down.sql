-- undo + index trades_account_id_qty_idx on trades
DROP INDEX trades_account_id_qty_idx;

-- undo - index trades_symbol_idx on trades
CREATE INDEX trades_symbol_idx ON trades (symbol);
