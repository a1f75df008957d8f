-- schemac migration 0002 down: signal_strategy_non_negative_fees
-- message: signal strategy, non-negative fees
-- created: 2026-12-07 by schemac 0.1.0 from tables (generated; do not edit, see schemac.sum)
-- schemac:foreign-keys-off

-- undo ~ table trades: rebuilt for check ck_trades_fee
CREATE TABLE schemac_new_trades (
    id TEXT NOT NULL,
    order_id TEXT,
    signal_id TEXT,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL,
    quantity REAL NOT NULL,
    price REAL NOT NULL,
    fee REAL NOT NULL DEFAULT 0,
    realized_pnl REAL,
    executed_at INTEGER NOT NULL,
    metadata TEXT,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id),
    FOREIGN KEY (order_id) REFERENCES trade_orders ON DELETE RESTRICT,
    FOREIGN KEY (signal_id) REFERENCES signals ON DELETE SET NULL,
    CONSTRAINT ck_trades_side CHECK (side IN ('buy', 'sell')),
    CONSTRAINT ck_trades_quantity CHECK (quantity > 0),
    CONSTRAINT ck_trades_price CHECK (price > 0)
);
INSERT INTO schemac_new_trades (id, order_id, signal_id, symbol, side, quantity, price, fee, realized_pnl, executed_at, metadata, created_at)
  SELECT id, order_id, signal_id, symbol, side, quantity, price, fee, realized_pnl, executed_at, metadata, created_at FROM trades;
DROP TABLE trades;
ALTER TABLE schemac_new_trades RENAME TO trades;
CREATE INDEX idx_trades_symbol_executed_at ON trades (symbol, executed_at DESC);
CREATE INDEX idx_trades_order_id ON trades (order_id);

-- undo + column signals.strategy
--   data-loss: loses the values of column signals.strategy
ALTER TABLE signals DROP COLUMN strategy;
