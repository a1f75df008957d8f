-- undo ~ table trades: rebuilt for dropped column note (beyond DROP COLUMN)
--   brings back note empty (their default or NULL)
CREATE TABLE schemac_new_trades (
    id INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    symbol TEXT NOT NULL DEFAULT 'BTC',
    qty REAL NOT NULL DEFAULT 0,
    note TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY (account_id) REFERENCES accounts ON DELETE CASCADE,
    CONSTRAINT qty_positive CHECK (qty >= 0)
);
INSERT INTO schemac_new_trades (id, account_id, symbol, qty)
  SELECT id, account_id, symbol, qty FROM trades;
DROP TABLE trades;
ALTER TABLE schemac_new_trades RENAME TO trades;
CREATE INDEX trades_symbol_idx ON trades (symbol);
