-- + table accounts
CREATE TABLE accounts (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    avatar BLOB,
    balance NUMERIC(18,8) NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE (name)
);

-- + table trades
CREATE TABLE trades (
    id INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    symbol TEXT NOT NULL DEFAULT 'it''s',
    qty REAL NOT NULL DEFAULT -1.5e3,
    side TEXT NOT NULL,
    "order" BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT trades_owner FOREIGN KEY (account_id) REFERENCES accounts ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT side_valid CHECK (side IN ('buy', 'sell'))
);
CREATE INDEX trades_symbol_id_idx ON trades (symbol, id DESC) WHERE qty > 0;
CREATE INDEX trades_lower_idx ON trades ((lower(symbol)));
CREATE UNIQUE INDEX trades_order_key ON trades ("order");
