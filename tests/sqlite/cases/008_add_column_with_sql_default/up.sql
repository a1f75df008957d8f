-- ~ table trades: rebuilt for new column created_at (beyond ADD COLUMN)
--   table-rewrite: copies every row of trades into a new table and drops the old one: time and disk grow with its rows
--   exclusive-lock: the whole database is locked for writing until the migration commits; readers go on (WAL) or wait (rollback journal)
--   may-fail: the copy fails on rows the new shape refuses (NOT NULL, CHECK, UNIQUE), and PRAGMA foreign_key_check before the commit on rows whose foreign keys have no match
CREATE TABLE schemac_new_trades (
    id INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    symbol TEXT NOT NULL DEFAULT 'BTC',
    qty REAL NOT NULL DEFAULT 0,
    note TEXT,
    created_at INTEGER NOT NULL DEFAULT (abs(-42)),
    PRIMARY KEY (id),
    FOREIGN KEY (account_id) REFERENCES accounts ON DELETE CASCADE
);
INSERT INTO schemac_new_trades (id, account_id, symbol, qty, note)
  SELECT id, account_id, symbol, qty, note FROM trades;
DROP TABLE trades;
ALTER TABLE schemac_new_trades RENAME TO trades;
CREATE INDEX trades_symbol_idx ON trades (symbol);
