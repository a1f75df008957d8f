-- schemac migration 0001 up: initial_schema
-- message: initial schema
-- created: 2026-12-07 by schemac 0.1.0 from tables (generated; do not edit, see schemac.sum)

-- + table news
CREATE TABLE news (
    id INTEGER NOT NULL,
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    headline TEXT NOT NULL,
    summary TEXT,
    symbols TEXT NOT NULL DEFAULT '[]',
    sentiment_score REAL,
    sentiment_label TEXT,
    published_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id),
    UNIQUE (url),
    CONSTRAINT ck_news_sentiment_score CHECK (sentiment_score BETWEEN -1 AND 1),
    CONSTRAINT ck_news_symbols CHECK (json_valid(symbols) AND json_type(symbols) = 'array')
);
CREATE INDEX idx_news_published_at ON news (published_at DESC);

-- + table briefings
CREATE TABLE briefings (
    briefing_date TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    market_snapshot TEXT,
    model TEXT,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (briefing_date),
    CONSTRAINT ck_briefings_date CHECK (briefing_date = date(briefing_date))
);

-- + table telegram_reports
CREATE TABLE telegram_reports (
    id INTEGER NOT NULL,
    chat_id BIGINT NOT NULL,
    report_type TEXT NOT NULL,
    briefing_date TEXT,
    message_text TEXT NOT NULL,
    telegram_message_id BIGINT,
    status TEXT NOT NULL DEFAULT 'sent',
    error_message TEXT,
    sent_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id),
    FOREIGN KEY (briefing_date) REFERENCES briefings ON DELETE SET NULL,
    CONSTRAINT ck_telegram_reports_status CHECK (status IN ('sent', 'failed')),
    CONSTRAINT ck_telegram_reports_error CHECK (status = 'sent' OR error_message IS NOT NULL)
);
CREATE INDEX idx_telegram_reports_chat_sent_at ON telegram_reports (chat_id, sent_at DESC);

-- + table system_alerts
CREATE TABLE system_alerts (
    id INTEGER NOT NULL,
    severity TEXT NOT NULL,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    message TEXT,
    details TEXT,
    acknowledged_at INTEGER,
    resolved_at INTEGER,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id),
    CONSTRAINT ck_system_alerts_severity CHECK (severity IN ('info', 'warning', 'error', 'critical')),
    CONSTRAINT ck_system_alerts_resolved CHECK (resolved_at IS NULL OR resolved_at >= created_at)
);
CREATE INDEX idx_system_alerts_open ON system_alerts (severity, created_at DESC) WHERE resolved_at IS NULL;

-- + table system_monitoring
CREATE TABLE system_monitoring (
    id INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL DEFAULT (unixepoch()),
    component TEXT NOT NULL,
    metric_name TEXT NOT NULL,
    metric_value REAL NOT NULL,
    unit TEXT,
    tags TEXT,
    PRIMARY KEY (id)
);
CREATE INDEX idx_system_monitoring_component_metric ON system_monitoring (component, metric_name, recorded_at DESC);

-- + table signals
CREATE TABLE signals (
    id TEXT NOT NULL,
    symbol TEXT NOT NULL,
    "action" TEXT NOT NULL,
    confidence REAL NOT NULL,
    price REAL,
    reasoning TEXT,
    model TEXT,
    weights TEXT,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id),
    CONSTRAINT ck_signals_action CHECK (action IN ('buy', 'sell', 'hold')),
    CONSTRAINT ck_signals_confidence CHECK (confidence BETWEEN 0 AND 1),
    CONSTRAINT ck_signals_weights CHECK (weights IS NULL OR json_valid(weights))
);
CREATE INDEX idx_signals_symbol_created_at ON signals (symbol, created_at DESC);

-- + table signal_events
CREATE TABLE signal_events (
    id INTEGER NOT NULL,
    signal_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    market_context TEXT NOT NULL DEFAULT '{}',
    component_scores TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id),
    FOREIGN KEY (signal_id) REFERENCES signals ON DELETE CASCADE,
    CONSTRAINT ck_signal_events_json CHECK (json_valid(market_context) AND json_valid(component_scores))
);
CREATE INDEX idx_signal_events_signal_id ON signal_events (signal_id, created_at);

-- + table signal_outcomes
CREATE TABLE signal_outcomes (
    signal_id TEXT NOT NULL,
    horizon_seconds INTEGER NOT NULL,
    price_at_signal REAL NOT NULL,
    price_at_horizon REAL,
    return_pct REAL,
    result TEXT,
    due_at INTEGER NOT NULL,
    evaluated_at INTEGER,
    PRIMARY KEY (signal_id, horizon_seconds),
    FOREIGN KEY (signal_id) REFERENCES signals ON DELETE CASCADE,
    CONSTRAINT ck_signal_outcomes_result CHECK (result IS NULL OR result IN ('win', 'loss', 'breakeven'))
);
CREATE INDEX idx_signal_outcomes_pending ON signal_outcomes (due_at) WHERE evaluated_at IS NULL;

-- + table learning_metrics
CREATE TABLE learning_metrics (
    period_date TEXT NOT NULL,
    scope TEXT NOT NULL,
    metric_name TEXT NOT NULL,
    metric_value REAL NOT NULL,
    sample_size INTEGER NOT NULL DEFAULT 0,
    computed_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (period_date, scope, metric_name)
);

-- + table weight_history
CREATE TABLE weight_history (
    id INTEGER NOT NULL,
    component TEXT NOT NULL,
    old_weight REAL,
    new_weight REAL NOT NULL,
    reason TEXT,
    metrics_snapshot TEXT,
    changed_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id)
);
CREATE INDEX idx_weight_history_component ON weight_history (component, changed_at DESC);

-- + table user_connections
CREATE TABLE user_connections (
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    provider TEXT NOT NULL,
    provider_account_id TEXT NOT NULL,
    email TEXT,
    access_token TEXT NOT NULL,
    refresh_token TEXT,
    token_expires_at INTEGER,
    scopes TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'active',
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    updated_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id),
    CONSTRAINT uq_user_connections_provider_account UNIQUE (provider, provider_account_id),
    CONSTRAINT ck_user_connections_status CHECK (status IN ('active', 'revoked', 'expired'))
);
CREATE INDEX idx_user_connections_user_id ON user_connections (user_id);
CREATE INDEX idx_user_connections_provider_email ON user_connections (provider, (lower(email))) WHERE email IS NOT NULL;

-- + table trade_orders
CREATE TABLE trade_orders (
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    signal_id TEXT,
    broker TEXT NOT NULL,
    broker_order_id TEXT,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL,
    order_type TEXT NOT NULL DEFAULT 'market',
    quantity REAL NOT NULL,
    limit_price REAL,
    status TEXT NOT NULL DEFAULT 'pending',
    filled_quantity REAL NOT NULL DEFAULT 0,
    avg_fill_price REAL,
    error_message TEXT,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    updated_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id),
    CONSTRAINT uq_trade_orders_broker_order UNIQUE (broker, broker_order_id),
    FOREIGN KEY (signal_id) REFERENCES signals ON DELETE SET NULL,
    CONSTRAINT ck_trade_orders_side CHECK (side IN ('buy', 'sell')),
    CONSTRAINT ck_trade_orders_type CHECK (order_type IN ('market', 'limit', 'stop', 'stop_limit')),
    CONSTRAINT ck_trade_orders_status CHECK (status IN ('pending', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired')),
    CONSTRAINT ck_trade_orders_quantity CHECK (quantity > 0),
    CONSTRAINT ck_trade_orders_filled CHECK (filled_quantity BETWEEN 0 AND quantity),
    CONSTRAINT ck_trade_orders_limit_price CHECK (order_type NOT IN ('limit', 'stop_limit') OR limit_price IS NOT NULL)
);
CREATE INDEX idx_trade_orders_user_created_at ON trade_orders (user_id, created_at DESC);
CREATE INDEX idx_trade_orders_open ON trade_orders (status, created_at) WHERE status IN ('pending', 'submitted', 'partially_filled');

-- + table trades
CREATE TABLE trades (
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
CREATE INDEX idx_trades_symbol_executed_at ON trades (symbol, executed_at DESC);
CREATE INDEX idx_trades_order_id ON trades (order_id);
