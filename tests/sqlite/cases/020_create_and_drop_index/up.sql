-- - index trades_symbol_idx on trades
DROP INDEX trades_symbol_idx;

-- + index trades_account_id_qty_idx on trades
--   full-scan: reads every row of trades to build the index, with the database locked for writing
CREATE INDEX trades_account_id_qty_idx ON trades (account_id, qty DESC) WHERE qty > 0;
