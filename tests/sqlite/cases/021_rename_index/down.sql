-- undo > index trades_symbol_idx -> by_symbol (built again: SQLite cannot rename one)
DROP INDEX by_symbol;
CREATE INDEX trades_symbol_idx ON trades (symbol);
