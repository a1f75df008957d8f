-- > index trades_symbol_idx -> by_symbol (built again: SQLite cannot rename one)
--   full-scan: reads every row of trades to build the index again
DROP INDEX trades_symbol_idx;
CREATE INDEX by_symbol ON trades (symbol);
