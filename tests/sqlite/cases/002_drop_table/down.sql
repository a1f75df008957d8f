-- undo - table trades
--   recreates trades empty: its rows are not restored
CREATE TABLE trades (
    id INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    symbol TEXT NOT NULL DEFAULT 'BTC',
    qty REAL NOT NULL DEFAULT 0,
    note TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY (account_id) REFERENCES accounts ON DELETE CASCADE
);
CREATE INDEX trades_symbol_idx ON trades (symbol);
