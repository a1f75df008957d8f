-- undo - table trades
--   recreates trades empty: its rows are not restored
CREATE TABLE trades (
    id INTEGER NOT NULL,
    symbol TEXT NOT NULL,
    account_id TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY (account_id) REFERENCES accounts ON DELETE CASCADE
);
INSERT INTO trades (id, symbol) VALUES (1, 'BTC') ON CONFLICT (id) DO NOTHING;
INSERT INTO trades (id, symbol) VALUES (2, 'ETH') ON CONFLICT (id) DO NOTHING;

-- undo - table accounts
--   recreates accounts empty: its rows are not restored
CREATE TABLE accounts (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    last_trade_id INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY (last_trade_id) REFERENCES trades
);
INSERT INTO accounts (id, name) VALUES ('a1', 'Alice') ON CONFLICT (id) DO NOTHING;
