-- + table trades
CREATE TABLE trades (
    id INTEGER NOT NULL,
    symbol TEXT NOT NULL,
    venue_id TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY (venue_id) REFERENCES venues
);

-- + table venues
CREATE TABLE venues (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (id)
);

-- + seed row trades (id=1)
INSERT INTO trades (id, symbol) VALUES (1, 'BTC') ON CONFLICT (id) DO NOTHING;

-- + seed row trades (id=2)
INSERT INTO trades (id, symbol) VALUES (2, 'ETH') ON CONFLICT (id) DO NOTHING;

-- + seed row venues (id=x1)
INSERT INTO venues (id, name) VALUES ('x1', 'Exchange One') ON CONFLICT (id) DO NOTHING;
