-- undo ~ table trades: rebuilt for foreign key trades_account_id_fkey
CREATE TABLE schemac_new_trades (
    id INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    symbol TEXT NOT NULL DEFAULT 'BTC',
    qty REAL NOT NULL DEFAULT 0,
    note TEXT,
    PRIMARY KEY (id)
);
INSERT INTO schemac_new_trades (id, account_id, symbol, qty, note)
  SELECT id, account_id, symbol, qty, note FROM trades;
DROP TABLE trades;
ALTER TABLE schemac_new_trades RENAME TO trades;
CREATE INDEX trades_symbol_idx ON trades (symbol);
