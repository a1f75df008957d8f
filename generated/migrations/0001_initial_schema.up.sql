-- schemac migration 0001 up: initial_schema
-- message: initial schema
-- created: 2026-11-21 by schemac 0.1.0 from schema (generated; do not edit, see schemac.sum)

-- + schema adaptive
CREATE SCHEMA adaptive;

-- + schema alphaplus
CREATE SCHEMA alphaplus;

-- + schema cloudbrain
CREATE SCHEMA cloudbrain;

-- + schema explainable
CREATE SCHEMA explainable;

-- + enum adaptive.trade_side
CREATE TYPE adaptive.trade_side AS ENUM ('buy', 'sell');

-- + enum adaptive.agent_action
CREATE TYPE adaptive.agent_action AS ENUM ('buy', 'sell', 'hold', 'close', 'halt');

-- + enum cloudbrain.alert_severity
CREATE TYPE cloudbrain.alert_severity AS ENUM ('info', 'warning', 'error', 'critical');

-- + enum cloudbrain.signal_action
CREATE TYPE cloudbrain.signal_action AS ENUM ('buy', 'sell', 'hold');

-- + enum cloudbrain.signal_result
CREATE TYPE cloudbrain.signal_result AS ENUM ('win', 'loss', 'breakeven');

-- + enum cloudbrain.trade_side
CREATE TYPE cloudbrain.trade_side AS ENUM ('buy', 'sell');

-- + enum cloudbrain.order_type
CREATE TYPE cloudbrain.order_type AS ENUM ('market', 'limit', 'stop', 'stop_limit');

-- + enum cloudbrain.order_status
CREATE TYPE cloudbrain.order_status AS ENUM ('pending', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired');

-- + enum explainable.sentiment_label
CREATE TYPE explainable.sentiment_label AS ENUM ('negative', 'neutral', 'positive');

-- + enum explainable.signal_action
CREATE TYPE explainable.signal_action AS ENUM ('buy', 'sell', 'hold');

-- + enum explainable.order_side
CREATE TYPE explainable.order_side AS ENUM ('buy', 'sell');

-- + enum explainable.order_type
CREATE TYPE explainable.order_type AS ENUM ('market', 'limit', 'stop', 'stop_limit');

-- + enum explainable.order_status
CREATE TYPE explainable.order_status AS ENUM ('pending', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected');

-- + table adaptive.market_data
CREATE TABLE adaptive.market_data (
    "time" timestamptz NOT NULL,
    symbol varchar(20) NOT NULL,
    timeframe varchar(10) NOT NULL DEFAULT '1m',
    open numeric(18,8) NOT NULL,
    high numeric(18,8) NOT NULL,
    low numeric(18,8) NOT NULL,
    close numeric(18,8) NOT NULL,
    volume numeric(28,8) NOT NULL,
    trade_count integer,
    source varchar(50),
    CONSTRAINT market_data_pkey PRIMARY KEY (symbol, timeframe, "time"),
    CONSTRAINT ck_market_data_high_low CHECK (high >= low)
);

-- + table adaptive.personality_profiles
CREATE TABLE adaptive.personality_profiles (
    id serial NOT NULL,
    name varchar(50) NOT NULL,
    description text NOT NULL,
    risk_tolerance double precision NOT NULL,
    max_position_pct numeric(5,2) NOT NULL,
    max_daily_loss_pct numeric(5,2) NOT NULL,
    holding_period interval,
    parameters jsonb NOT NULL DEFAULT '{}',
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT personality_profiles_pkey PRIMARY KEY (id),
    CONSTRAINT uq_personality_profiles_name UNIQUE (name),
    CONSTRAINT ck_personality_profiles_risk CHECK (risk_tolerance BETWEEN 0 AND 1),
    CONSTRAINT ck_personality_profiles_position CHECK (max_position_pct > 0 AND max_position_pct <= 100),
    CONSTRAINT ck_personality_profiles_daily_loss CHECK (max_daily_loss_pct > 0 AND max_daily_loss_pct <= 100)
);

-- + table adaptive.agent_decisions
CREATE TABLE adaptive.agent_decisions (
    "time" timestamptz NOT NULL,
    agent_name varchar(50) NOT NULL,
    symbol varchar(20) NOT NULL,
    action adaptive.agent_action NOT NULL,
    confidence double precision,
    personality_id integer,
    reasoning text,
    context jsonb,
    CONSTRAINT agent_decisions_pkey PRIMARY KEY (agent_name, symbol, "time"),
    CONSTRAINT ck_agent_decisions_confidence CHECK (confidence BETWEEN 0 AND 1)
);

-- + table adaptive.trades
CREATE TABLE adaptive.trades (
    id bigserial NOT NULL,
    executed_at timestamptz NOT NULL,
    symbol varchar(20) NOT NULL,
    side adaptive.trade_side NOT NULL,
    quantity numeric(28,8) NOT NULL,
    price numeric(18,8) NOT NULL,
    fee numeric(18,8) NOT NULL DEFAULT 0,
    realized_pnl numeric(18,8),
    personality_id integer NOT NULL,
    agent_name varchar(50) NOT NULL,
    exchange_order_id varchar(100),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT trades_pkey PRIMARY KEY (id),
    CONSTRAINT ck_trades_quantity CHECK (quantity > 0),
    CONSTRAINT ck_trades_price CHECK (price > 0)
);

-- + table alphaplus.signals
CREATE TABLE alphaplus.signals (
    id serial NOT NULL,
    signal_id varchar(100) NOT NULL,
    symbol varchar(20) NOT NULL,
    timeframe varchar(10) NOT NULL,
    direction varchar(10) NOT NULL,
    confidence double precision NOT NULL,
    entry_price numeric(18,8) NOT NULL,
    stop_loss numeric(18,8),
    take_profit numeric(18,8),
    status varchar(20) NOT NULL DEFAULT 'active',
    "timestamp" timestamptz NOT NULL DEFAULT now(),
    metadata jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signals_pkey PRIMARY KEY (id),
    CONSTRAINT signals_signal_id_key UNIQUE (signal_id),
    CONSTRAINT ck_signals_direction CHECK (direction IN ('long', 'short', 'neutral')),
    CONSTRAINT ck_signals_confidence CHECK (confidence BETWEEN 0 AND 1),
    CONSTRAINT ck_signals_status CHECK (status IN ('active', 'filled', 'expired', 'cancelled'))
);

-- + table cloudbrain.news
CREATE TABLE cloudbrain.news (
    id bigserial NOT NULL,
    source varchar(100) NOT NULL,
    url text NOT NULL,
    headline text NOT NULL,
    summary text,
    symbols varchar(20)[] NOT NULL DEFAULT '{}',
    sentiment_score double precision,
    sentiment_label varchar(20),
    published_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT news_pkey PRIMARY KEY (id),
    CONSTRAINT news_url_key UNIQUE (url),
    CONSTRAINT ck_news_sentiment_score CHECK (sentiment_score BETWEEN -1 AND 1)
);

-- + table cloudbrain.briefings
CREATE TABLE cloudbrain.briefings (
    briefing_date date NOT NULL,
    title text NOT NULL,
    content text NOT NULL,
    market_snapshot jsonb,
    model varchar(100),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT briefings_pkey PRIMARY KEY (briefing_date)
);

-- + table cloudbrain.telegram_reports
CREATE TABLE cloudbrain.telegram_reports (
    id bigserial NOT NULL,
    chat_id bigint NOT NULL,
    report_type varchar(50) NOT NULL,
    briefing_date date,
    message_text text NOT NULL,
    telegram_message_id bigint,
    status varchar(20) NOT NULL DEFAULT 'sent',
    error_message text,
    sent_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT telegram_reports_pkey PRIMARY KEY (id),
    CONSTRAINT ck_telegram_reports_status CHECK (status IN ('sent', 'failed')),
    CONSTRAINT ck_telegram_reports_error CHECK (status = 'sent' OR error_message IS NOT NULL)
);

-- + table cloudbrain.system_alerts
CREATE TABLE cloudbrain.system_alerts (
    id bigserial NOT NULL,
    severity cloudbrain.alert_severity NOT NULL,
    source varchar(100) NOT NULL,
    title text NOT NULL,
    message text,
    details jsonb,
    acknowledged_at timestamptz,
    resolved_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT system_alerts_pkey PRIMARY KEY (id),
    CONSTRAINT ck_system_alerts_resolved CHECK (resolved_at IS NULL OR resolved_at >= created_at)
);

-- + table cloudbrain.system_monitoring
CREATE TABLE cloudbrain.system_monitoring (
    id bigserial NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    component varchar(100) NOT NULL,
    metric_name varchar(100) NOT NULL,
    metric_value double precision NOT NULL,
    unit varchar(20),
    tags jsonb,
    CONSTRAINT system_monitoring_pkey PRIMARY KEY (id)
);

-- + table cloudbrain.signals
CREATE TABLE cloudbrain.signals (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    symbol varchar(20) NOT NULL,
    action cloudbrain.signal_action NOT NULL,
    confidence double precision NOT NULL,
    price numeric(20,8),
    reasoning text,
    model varchar(100),
    weights jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signals_pkey PRIMARY KEY (id),
    CONSTRAINT ck_signals_confidence CHECK (confidence BETWEEN 0 AND 1)
);

-- + table cloudbrain.signal_events
CREATE TABLE cloudbrain.signal_events (
    id bigserial NOT NULL,
    signal_id uuid NOT NULL,
    event_type varchar(50) NOT NULL,
    market_context jsonb NOT NULL DEFAULT '{}',
    component_scores jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signal_events_pkey PRIMARY KEY (id)
);

-- + table cloudbrain.signal_outcomes
CREATE TABLE cloudbrain.signal_outcomes (
    signal_id uuid NOT NULL,
    horizon interval NOT NULL,
    price_at_signal numeric(20,8) NOT NULL,
    price_at_horizon numeric(20,8),
    return_pct double precision,
    result cloudbrain.signal_result,
    due_at timestamptz NOT NULL,
    evaluated_at timestamptz,
    CONSTRAINT signal_outcomes_pkey PRIMARY KEY (signal_id, horizon)
);

-- + table cloudbrain.learning_metrics
CREATE TABLE cloudbrain.learning_metrics (
    period_date date NOT NULL,
    scope varchar(50) NOT NULL,
    metric_name varchar(100) NOT NULL,
    metric_value double precision NOT NULL,
    sample_size integer NOT NULL DEFAULT 0,
    computed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT learning_metrics_pkey PRIMARY KEY (period_date, scope, metric_name)
);

-- + table cloudbrain.weight_history
CREATE TABLE cloudbrain.weight_history (
    id bigserial NOT NULL,
    component varchar(50) NOT NULL,
    old_weight double precision,
    new_weight double precision NOT NULL,
    reason text,
    metrics_snapshot jsonb,
    changed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT weight_history_pkey PRIMARY KEY (id)
);

-- + table cloudbrain.user_connections
CREATE TABLE cloudbrain.user_connections (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id varchar(100) NOT NULL,
    provider varchar(50) NOT NULL,
    provider_account_id varchar(255) NOT NULL,
    email varchar(255),
    access_token text NOT NULL,
    refresh_token text,
    token_expires_at timestamptz,
    scopes text[] NOT NULL DEFAULT '{}',
    status varchar(20) NOT NULL DEFAULT 'active',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_connections_pkey PRIMARY KEY (id),
    CONSTRAINT uq_user_connections_provider_account UNIQUE (provider, provider_account_id),
    CONSTRAINT ck_user_connections_status CHECK (status IN ('active', 'revoked', 'expired'))
);

-- + table cloudbrain.trade_orders
CREATE TABLE cloudbrain.trade_orders (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id varchar(100) NOT NULL,
    signal_id uuid,
    broker varchar(50) NOT NULL,
    broker_order_id varchar(100),
    symbol varchar(20) NOT NULL,
    side cloudbrain.trade_side NOT NULL,
    order_type cloudbrain.order_type NOT NULL DEFAULT 'market',
    quantity numeric(20,8) NOT NULL,
    limit_price numeric(20,8),
    status cloudbrain.order_status NOT NULL DEFAULT 'pending',
    filled_quantity numeric(20,8) NOT NULL DEFAULT 0,
    avg_fill_price numeric(20,8),
    error_message text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT trade_orders_pkey PRIMARY KEY (id),
    CONSTRAINT uq_trade_orders_broker_order UNIQUE (broker, broker_order_id),
    CONSTRAINT ck_trade_orders_quantity CHECK (quantity > 0),
    CONSTRAINT ck_trade_orders_filled CHECK (filled_quantity BETWEEN 0 AND quantity),
    CONSTRAINT ck_trade_orders_limit_price CHECK (order_type NOT IN ('limit', 'stop_limit') OR limit_price IS NOT NULL)
);

-- + table cloudbrain.trades
CREATE TABLE cloudbrain.trades (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    order_id uuid,
    signal_id uuid,
    symbol varchar(20) NOT NULL,
    side cloudbrain.trade_side NOT NULL,
    quantity numeric(20,8) NOT NULL,
    price numeric(20,8) NOT NULL,
    fee numeric(20,8) NOT NULL DEFAULT 0,
    realized_pnl numeric(20,8),
    executed_at timestamptz NOT NULL,
    metadata jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT trades_pkey PRIMARY KEY (id),
    CONSTRAINT ck_trades_quantity CHECK (quantity > 0),
    CONSTRAINT ck_trades_price CHECK (price > 0)
);

-- + table explainable.articles
CREATE TABLE explainable.articles (
    id serial NOT NULL,
    source varchar(100) NOT NULL,
    url text NOT NULL,
    title text NOT NULL,
    summary text,
    content text,
    author varchar(255),
    symbols varchar(20)[] NOT NULL DEFAULT '{}',
    published_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT articles_pkey PRIMARY KEY (id),
    CONSTRAINT articles_url_key UNIQUE (url)
);

-- + table explainable.sentiment_scores
CREATE TABLE explainable.sentiment_scores (
    article_id integer NOT NULL,
    model varchar(50) NOT NULL,
    score double precision NOT NULL,
    label explainable.sentiment_label NOT NULL,
    confidence double precision,
    scored_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sentiment_scores_pkey PRIMARY KEY (article_id, model),
    CONSTRAINT ck_sentiment_scores_score CHECK (score BETWEEN -1 AND 1),
    CONSTRAINT ck_sentiment_scores_confidence CHECK (confidence BETWEEN 0 AND 1)
);

-- + table explainable.events
CREATE TABLE explainable.events (
    id serial NOT NULL,
    symbol varchar(20),
    event_type varchar(50) NOT NULL,
    title text NOT NULL,
    description text,
    event_time timestamptz NOT NULL,
    impact_score double precision,
    article_id integer,
    details jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_pkey PRIMARY KEY (id),
    CONSTRAINT ck_events_impact_score CHECK (impact_score BETWEEN -1 AND 1)
);

-- + table explainable.prices
CREATE TABLE explainable.prices (
    id serial NOT NULL,
    symbol varchar(20) NOT NULL,
    "timestamp" timestamptz NOT NULL,
    open numeric(10,2),
    high numeric(10,2),
    low numeric(10,2),
    close numeric(10,2),
    volume bigint,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT prices_pkey PRIMARY KEY (id),
    CONSTRAINT uq_prices_symbol_timestamp UNIQUE (symbol, "timestamp")
);

-- + table explainable.trading_signals
CREATE TABLE explainable.trading_signals (
    id serial NOT NULL,
    symbol varchar(20) NOT NULL,
    "timestamp" timestamptz NOT NULL,
    action explainable.signal_action NOT NULL,
    confidence double precision NOT NULL,
    price_id integer,
    technical_score double precision,
    sentiment_score double precision,
    event_score double precision,
    explanation text NOT NULL,
    feature_contributions jsonb,
    model_version varchar(50),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT trading_signals_pkey PRIMARY KEY (id),
    CONSTRAINT ck_trading_signals_confidence CHECK (confidence BETWEEN 0 AND 1)
);

-- + table explainable.orders
CREATE TABLE explainable.orders (
    id serial NOT NULL,
    signal_id integer,
    symbol varchar(20) NOT NULL,
    side explainable.order_side NOT NULL,
    order_type explainable.order_type NOT NULL DEFAULT 'market',
    quantity numeric(18,6) NOT NULL,
    limit_price numeric(10,2),
    status explainable.order_status NOT NULL DEFAULT 'pending',
    broker_order_id varchar(100),
    filled_quantity numeric(18,6) NOT NULL DEFAULT 0,
    avg_fill_price numeric(10,2),
    submitted_at timestamptz,
    filled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_broker_order_id_key UNIQUE (broker_order_id),
    CONSTRAINT ck_orders_quantity CHECK (quantity > 0),
    CONSTRAINT ck_orders_filled_quantity CHECK (filled_quantity BETWEEN 0 AND quantity),
    CONSTRAINT ck_orders_limit_price CHECK (order_type NOT IN ('limit', 'stop_limit') OR limit_price IS NOT NULL)
);

-- + table explainable.backtest_results
CREATE TABLE explainable.backtest_results (
    id serial NOT NULL,
    strategy_name varchar(100) NOT NULL,
    symbols varchar(20)[] NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    initial_capital numeric(14,2) NOT NULL,
    final_capital numeric(14,2) NOT NULL,
    total_return double precision NOT NULL,
    sharpe_ratio double precision,
    max_drawdown double precision,
    win_rate double precision,
    total_trades integer NOT NULL DEFAULT 0,
    parameters jsonb NOT NULL DEFAULT '{}',
    equity_curve jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT backtest_results_pkey PRIMARY KEY (id),
    CONSTRAINT ck_backtest_results_dates CHECK (end_date >= start_date),
    CONSTRAINT ck_backtest_results_capital CHECK (initial_capital > 0)
);

-- + index idx_trades_symbol_executed_at on adaptive.trades
CREATE INDEX idx_trades_symbol_executed_at ON adaptive.trades (symbol, executed_at DESC);

-- + index idx_trades_personality_id on adaptive.trades
CREATE INDEX idx_trades_personality_id ON adaptive.trades (personality_id);

-- + index idx_signals_symbol_timeframe_timestamp on alphaplus.signals
CREATE INDEX idx_signals_symbol_timeframe_timestamp ON alphaplus.signals (symbol, timeframe, "timestamp" DESC);

-- + index idx_signals_active on alphaplus.signals
CREATE INDEX idx_signals_active ON alphaplus.signals (symbol, "timestamp" DESC) WHERE status = 'active';

-- + index idx_news_published_at on cloudbrain.news
CREATE INDEX idx_news_published_at ON cloudbrain.news (published_at DESC);

-- + index idx_news_symbols on cloudbrain.news
CREATE INDEX idx_news_symbols ON cloudbrain.news USING gin (symbols);

-- + index idx_telegram_reports_chat_sent_at on cloudbrain.telegram_reports
CREATE INDEX idx_telegram_reports_chat_sent_at ON cloudbrain.telegram_reports (chat_id, sent_at DESC);

-- + index idx_system_alerts_open on cloudbrain.system_alerts
CREATE INDEX idx_system_alerts_open ON cloudbrain.system_alerts (severity, created_at DESC) WHERE resolved_at IS NULL;

-- + index idx_system_monitoring_component_metric on cloudbrain.system_monitoring
CREATE INDEX idx_system_monitoring_component_metric ON cloudbrain.system_monitoring (component, metric_name, recorded_at DESC);

-- + index idx_signals_symbol_created_at on cloudbrain.signals
CREATE INDEX idx_signals_symbol_created_at ON cloudbrain.signals (symbol, created_at DESC);

-- + index idx_signal_events_signal_id on cloudbrain.signal_events
CREATE INDEX idx_signal_events_signal_id ON cloudbrain.signal_events (signal_id, created_at);

-- + index idx_signal_events_market_context on cloudbrain.signal_events
CREATE INDEX idx_signal_events_market_context ON cloudbrain.signal_events USING gin (market_context);

-- + index idx_signal_outcomes_pending on cloudbrain.signal_outcomes
CREATE INDEX idx_signal_outcomes_pending ON cloudbrain.signal_outcomes (due_at) WHERE evaluated_at IS NULL;

-- + index idx_weight_history_component on cloudbrain.weight_history
CREATE INDEX idx_weight_history_component ON cloudbrain.weight_history (component, changed_at DESC);

-- + index idx_user_connections_user_id on cloudbrain.user_connections
CREATE INDEX idx_user_connections_user_id ON cloudbrain.user_connections (user_id);

-- + index idx_user_connections_provider_email on cloudbrain.user_connections
CREATE INDEX idx_user_connections_provider_email ON cloudbrain.user_connections (provider, (lower(email))) WHERE email IS NOT NULL;

-- + index idx_trade_orders_user_created_at on cloudbrain.trade_orders
CREATE INDEX idx_trade_orders_user_created_at ON cloudbrain.trade_orders (user_id, created_at DESC);

-- + index idx_trade_orders_open on cloudbrain.trade_orders
CREATE INDEX idx_trade_orders_open ON cloudbrain.trade_orders (status, created_at) WHERE status IN ('pending', 'submitted', 'partially_filled');

-- + index idx_trades_symbol_executed_at on cloudbrain.trades
CREATE INDEX idx_trades_symbol_executed_at ON cloudbrain.trades (symbol, executed_at DESC);

-- + index idx_trades_order_id on cloudbrain.trades
CREATE INDEX idx_trades_order_id ON cloudbrain.trades (order_id);

-- + index idx_articles_published_at on explainable.articles
CREATE INDEX idx_articles_published_at ON explainable.articles (published_at DESC);

-- + index idx_articles_symbols on explainable.articles
CREATE INDEX idx_articles_symbols ON explainable.articles USING gin (symbols);

-- + index idx_events_symbol_time on explainable.events
CREATE INDEX idx_events_symbol_time ON explainable.events (symbol, event_time DESC);

-- + index idx_trading_signals_symbol_timestamp on explainable.trading_signals
CREATE INDEX idx_trading_signals_symbol_timestamp ON explainable.trading_signals (symbol, "timestamp" DESC);

-- + index idx_orders_signal_id on explainable.orders
CREATE INDEX idx_orders_signal_id ON explainable.orders (signal_id);

-- + index idx_orders_open on explainable.orders
CREATE INDEX idx_orders_open ON explainable.orders (symbol, created_at) WHERE status IN ('pending', 'submitted', 'partially_filled');

-- + index idx_backtest_results_strategy on explainable.backtest_results
CREATE INDEX idx_backtest_results_strategy ON explainable.backtest_results (strategy_name, created_at DESC);

-- ~ comment on enum adaptive.agent_action
COMMENT ON TYPE adaptive.agent_action IS 'What an agent decided; halt is the circuit breaker stopping trading';

-- ~ comment on enum cloudbrain.signal_result
COMMENT ON TYPE cloudbrain.signal_result IS 'How a signal turned out at a given horizon';

-- ~ comment on enum cloudbrain.order_status
COMMENT ON TYPE cloudbrain.order_status IS 'Lifecycle of a platform order at the broker';

-- ~ comment on enum explainable.sentiment_label
COMMENT ON TYPE explainable.sentiment_label IS 'Coarse sentiment class next to the numeric score';

-- ~ comment on enum explainable.order_status
COMMENT ON TYPE explainable.order_status IS 'Lifecycle of an order at the broker';

-- ~ comment on table adaptive.market_data
COMMENT ON TABLE adaptive.market_data IS 'OHLCV bars per symbol and interval; a TimescaleDB hypertable (designed by us)';

-- ~ comment on column adaptive.market_data.time
COMMENT ON COLUMN adaptive.market_data."time" IS 'Bar open time';

-- ~ comment on column adaptive.market_data.timeframe
COMMENT ON COLUMN adaptive.market_data.timeframe IS 'Bar length, e.g. 1m, 5m, 1h';

-- ~ comment on column adaptive.market_data.source
COMMENT ON COLUMN adaptive.market_data.source IS 'Exchange or data vendor';

-- ~ comment on table adaptive.personality_profiles
COMMENT ON TABLE adaptive.personality_profiles IS 'Trading personalities the agents can run with: risk appetite and limits (designed by us)';

-- ~ comment on column adaptive.personality_profiles.risk_tolerance
COMMENT ON COLUMN adaptive.personality_profiles.risk_tolerance IS '0 (most cautious) .. 1 (most aggressive)';

-- ~ comment on column adaptive.personality_profiles.max_position_pct
COMMENT ON COLUMN adaptive.personality_profiles.max_position_pct IS 'Largest single position, in percent of equity';

-- ~ comment on column adaptive.personality_profiles.max_daily_loss_pct
COMMENT ON COLUMN adaptive.personality_profiles.max_daily_loss_pct IS 'Daily loss, in percent of equity, at which the circuit breaker halts trading';

-- ~ comment on column adaptive.personality_profiles.holding_period
COMMENT ON COLUMN adaptive.personality_profiles.holding_period IS 'Typical time a position is held';

-- ~ comment on column adaptive.personality_profiles.parameters
COMMENT ON COLUMN adaptive.personality_profiles.parameters IS 'Strategy-specific knobs, read by the agents';

-- ~ comment on table adaptive.agent_decisions
COMMENT ON TABLE adaptive.agent_decisions IS 'Every decision an agent takes, with its inputs; a TimescaleDB hypertable (designed by us)';

-- ~ comment on column adaptive.agent_decisions.agent_name
COMMENT ON COLUMN adaptive.agent_decisions.agent_name IS 'e.g. signal_agent, risk_agent, circuit_breaker_agent';

-- ~ comment on column adaptive.agent_decisions.symbol
COMMENT ON COLUMN adaptive.agent_decisions.symbol IS '''*'' for system-wide decisions such as a circuit-breaker halt';

-- ~ comment on column adaptive.agent_decisions.context
COMMENT ON COLUMN adaptive.agent_decisions.context IS 'Market features and agent state the decision was based on';

-- ~ comment on table adaptive.trades
COMMENT ON TABLE adaptive.trades IS 'Executed trades (fills) of the adaptive system (designed by us)';

-- ~ comment on column adaptive.trades.personality_id
COMMENT ON COLUMN adaptive.trades.personality_id IS 'Personality the trading agent ran with';

-- ~ comment on table alphaplus.signals
COMMENT ON TABLE alphaplus.signals IS 'Trading signals emitted by the AlphaPlus intelligent signal generator. Base columns designed by us; the ten ML columns come from Phase 6 (2.A).';

-- ~ comment on column alphaplus.signals.signal_id
COMMENT ON COLUMN alphaplus.signals.signal_id IS 'External signal identifier, e.g. BTCUSDT_1h_20250814_151525';

-- ~ comment on column alphaplus.signals.direction
COMMENT ON COLUMN alphaplus.signals.direction IS 'long, short or neutral (see check ck_signals_direction)';

-- ~ comment on column alphaplus.signals.confidence
COMMENT ON COLUMN alphaplus.signals.confidence IS 'Generator confidence in [0, 1]';

-- ~ comment on column alphaplus.signals.status
COMMENT ON COLUMN alphaplus.signals.status IS 'active, filled, expired or cancelled';

-- ~ comment on column alphaplus.signals.timestamp
COMMENT ON COLUMN alphaplus.signals."timestamp" IS 'When the signal was generated';

-- ~ comment on table cloudbrain.news
COMMENT ON TABLE cloudbrain.news IS 'Market news articles with their sentiment analysis (designed by us)';

-- ~ comment on column cloudbrain.news.symbols
COMMENT ON COLUMN cloudbrain.news.symbols IS 'Ticker symbols the article is about';

-- ~ comment on column cloudbrain.news.sentiment_score
COMMENT ON COLUMN cloudbrain.news.sentiment_score IS '-1 (bearish) .. 1 (bullish); NULL until analysed';

-- ~ comment on table cloudbrain.briefings
COMMENT ON TABLE cloudbrain.briefings IS 'Daily AI-generated market briefing, one per day (designed by us)';

-- ~ comment on column cloudbrain.briefings.content
COMMENT ON COLUMN cloudbrain.briefings.content IS 'The briefing in Markdown, as sent to Telegram';

-- ~ comment on column cloudbrain.briefings.market_snapshot
COMMENT ON COLUMN cloudbrain.briefings.market_snapshot IS 'Index levels, movers and sentiment the briefing was written from';

-- ~ comment on table cloudbrain.telegram_reports
COMMENT ON TABLE cloudbrain.telegram_reports IS 'Audit trail of every report sent (or attempted) to Telegram (designed by us)';

-- ~ comment on column cloudbrain.telegram_reports.chat_id
COMMENT ON COLUMN cloudbrain.telegram_reports.chat_id IS 'Telegram chat id (64-bit)';

-- ~ comment on column cloudbrain.telegram_reports.report_type
COMMENT ON COLUMN cloudbrain.telegram_reports.report_type IS 'e.g. briefing, signal, trade, alert';

-- ~ comment on column cloudbrain.telegram_reports.briefing_date
COMMENT ON COLUMN cloudbrain.telegram_reports.briefing_date IS 'Set when the report delivered a briefing';

-- ~ comment on table cloudbrain.system_alerts
COMMENT ON TABLE cloudbrain.system_alerts IS 'System monitoring alerts, open until resolved (designed by us)';

-- ~ comment on column cloudbrain.system_alerts.source
COMMENT ON COLUMN cloudbrain.system_alerts.source IS 'Component that raised the alert, e.g. worker, broker_api, d1_sync';

-- ~ comment on table cloudbrain.system_monitoring
COMMENT ON TABLE cloudbrain.system_monitoring IS 'Performance metrics and observability samples (designed by us)';

-- ~ comment on column cloudbrain.system_monitoring.metric_name
COMMENT ON COLUMN cloudbrain.system_monitoring.metric_name IS 'e.g. request_latency_ms, cpu_ms, error_count';

-- ~ comment on table cloudbrain.signals
COMMENT ON TABLE cloudbrain.signals IS 'AI decision log, one row per generated trading signal (designed by us)';

-- ~ comment on column cloudbrain.signals.price
COMMENT ON COLUMN cloudbrain.signals.price IS 'Market price when the signal was generated';

-- ~ comment on column cloudbrain.signals.model
COMMENT ON COLUMN cloudbrain.signals.model IS 'AI model that produced the decision';

-- ~ comment on column cloudbrain.signals.weights
COMMENT ON COLUMN cloudbrain.signals.weights IS 'Component weights in force (see weight_history)';

-- ~ comment on table cloudbrain.signal_events
COMMENT ON TABLE cloudbrain.signal_events IS 'Detailed events in a signal''s life (generated, sent, executed, expired) with market context and component scores (designed by us)';

-- ~ comment on column cloudbrain.signal_events.market_context
COMMENT ON COLUMN cloudbrain.signal_events.market_context IS 'Price, volume, volatility, regime ... at the time of the event';

-- ~ comment on column cloudbrain.signal_events.component_scores
COMMENT ON COLUMN cloudbrain.signal_events.component_scores IS 'Score of each signal component, e.g. {"technical": 0.7, "sentiment": 0.4}';

-- ~ comment on table cloudbrain.signal_outcomes
COMMENT ON TABLE cloudbrain.signal_outcomes IS 'Accuracy of each signal, measured at several horizons after it was issued (designed by us)';

-- ~ comment on column cloudbrain.signal_outcomes.horizon
COMMENT ON COLUMN cloudbrain.signal_outcomes.horizon IS 'Time after the signal at which the outcome is measured, e.g. 1 hour, 1 day';

-- ~ comment on column cloudbrain.signal_outcomes.due_at
COMMENT ON COLUMN cloudbrain.signal_outcomes.due_at IS 'Signal time + horizon; when the outcome can be evaluated';

-- ~ comment on table cloudbrain.learning_metrics
COMMENT ON TABLE cloudbrain.learning_metrics IS 'Aggregated performance metrics per day, scope and metric (designed by us)';

-- ~ comment on column cloudbrain.learning_metrics.scope
COMMENT ON COLUMN cloudbrain.learning_metrics.scope IS 'overall, a symbol, or a signal component';

-- ~ comment on column cloudbrain.learning_metrics.metric_name
COMMENT ON COLUMN cloudbrain.learning_metrics.metric_name IS 'e.g. win_rate, avg_return_pct, sharpe';

-- ~ comment on table cloudbrain.weight_history
COMMENT ON TABLE cloudbrain.weight_history IS 'Evolution log of the component weights chosen by the optimiser (designed by us)';

-- ~ comment on column cloudbrain.weight_history.component
COMMENT ON COLUMN cloudbrain.weight_history.component IS 'Signal component whose weight changed, e.g. technical, sentiment';

-- ~ comment on column cloudbrain.weight_history.metrics_snapshot
COMMENT ON COLUMN cloudbrain.weight_history.metrics_snapshot IS 'learning_metrics values that motivated the change';

-- ~ comment on table cloudbrain.user_connections
COMMENT ON TABLE cloudbrain.user_connections IS 'OAuth connections of users to payment providers (designed by us)';

-- ~ comment on column cloudbrain.user_connections.user_id
COMMENT ON COLUMN cloudbrain.user_connections.user_id IS 'The platform''s user id';

-- ~ comment on column cloudbrain.user_connections.provider
COMMENT ON COLUMN cloudbrain.user_connections.provider IS 'e.g. stripe, paypal';

-- ~ comment on column cloudbrain.user_connections.access_token
COMMENT ON COLUMN cloudbrain.user_connections.access_token IS 'Encrypted by the application before it is stored; never plain text';

-- ~ comment on column cloudbrain.user_connections.refresh_token
COMMENT ON COLUMN cloudbrain.user_connections.refresh_token IS 'Encrypted like access_token';

-- ~ comment on table cloudbrain.trade_orders
COMMENT ON TABLE cloudbrain.trade_orders IS 'Trade orders placed through the platform (designed by us)';

-- ~ comment on column cloudbrain.trade_orders.signal_id
COMMENT ON COLUMN cloudbrain.trade_orders.signal_id IS 'The signal that triggered the order; NULL for manual orders';

-- ~ comment on table cloudbrain.trades
COMMENT ON TABLE cloudbrain.trades IS 'The core trading ledger, one row per execution (designed by us)';

-- ~ comment on table explainable.articles
COMMENT ON TABLE explainable.articles IS 'News articles collected for sentiment and event analysis (columns designed by us)';

-- ~ comment on column explainable.articles.symbols
COMMENT ON COLUMN explainable.articles.symbols IS 'Ticker symbols the article mentions';

-- ~ comment on table explainable.sentiment_scores
COMMENT ON TABLE explainable.sentiment_scores IS 'Sentiment of one article according to one model (columns designed by us; the foreign key is the guide''s fk_sentiment_article)';

-- ~ comment on column explainable.sentiment_scores.model
COMMENT ON COLUMN explainable.sentiment_scores.model IS 'Scoring model, e.g. finbert or vader';

-- ~ comment on column explainable.sentiment_scores.score
COMMENT ON COLUMN explainable.sentiment_scores.score IS '-1 (very negative) .. 1 (very positive)';

-- ~ comment on table explainable.events
COMMENT ON TABLE explainable.events IS 'Market events (earnings, guidance, M&A, macro releases) that can move a price, optionally extracted from an article (columns designed by us)';

-- ~ comment on column explainable.events.symbol
COMMENT ON COLUMN explainable.events.symbol IS 'NULL for market-wide (macro) events';

-- ~ comment on column explainable.events.event_type
COMMENT ON COLUMN explainable.events.event_type IS 'earnings, guidance, merger, dividend, split, macro, ...';

-- ~ comment on column explainable.events.impact_score
COMMENT ON COLUMN explainable.events.impact_score IS 'Estimated price impact, -1 .. 1';

-- ~ comment on column explainable.events.article_id
COMMENT ON COLUMN explainable.events.article_id IS 'The article the event was extracted from, if any';

-- ~ comment on table explainable.prices
COMMENT ON TABLE explainable.prices IS 'OHLCV price bars per symbol (ported from the Price ORM model)';

-- ~ comment on table explainable.trading_signals
COMMENT ON TABLE explainable.trading_signals IS 'Buy/sell/hold decisions together with the evidence that explains them (columns designed by us)';

-- ~ comment on column explainable.trading_signals.timestamp
COMMENT ON COLUMN explainable.trading_signals."timestamp" IS 'Market time the signal refers to';

-- ~ comment on column explainable.trading_signals.price_id
COMMENT ON COLUMN explainable.trading_signals.price_id IS 'The price bar the signal was computed on';

-- ~ comment on column explainable.trading_signals.explanation
COMMENT ON COLUMN explainable.trading_signals.explanation IS 'Human-readable reason for the signal, shown to the user';

-- ~ comment on column explainable.trading_signals.feature_contributions
COMMENT ON COLUMN explainable.trading_signals.feature_contributions IS 'Per-feature contribution to the decision (e.g. SHAP values)';

-- ~ comment on table explainable.orders
COMMENT ON TABLE explainable.orders IS 'Orders sent to the broker, usually on behalf of a signal (columns designed by us)';

-- ~ comment on column explainable.orders.signal_id
COMMENT ON COLUMN explainable.orders.signal_id IS 'NULL for manual orders';

-- ~ comment on table explainable.backtest_results
COMMENT ON TABLE explainable.backtest_results IS 'Summary of one strategy backtest run (columns designed by us)';

-- ~ comment on column explainable.backtest_results.total_return
COMMENT ON COLUMN explainable.backtest_results.total_return IS 'Fraction, 0.12 = +12 %';

-- ~ comment on column explainable.backtest_results.max_drawdown
COMMENT ON COLUMN explainable.backtest_results.max_drawdown IS 'Fraction of peak equity, 0 .. 1';

-- + hypertable adaptive.market_data
DO $schemac$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM create_hypertable('adaptive.market_data', 'time', chunk_time_interval => INTERVAL '1 day', migrate_data => true, if_not_exists => true);
    ELSE
        RAISE WARNING 'schemac: TimescaleDB is not installed: % stays a plain table (hypertable skipped)', 'adaptive.market_data';
    END IF;
END
$schemac$;

-- + hypertable adaptive.agent_decisions
DO $schemac$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM create_hypertable('adaptive.agent_decisions', 'time', migrate_data => true, if_not_exists => true);
    ELSE
        RAISE WARNING 'schemac: TimescaleDB is not installed: % stays a plain table (hypertable skipped)', 'adaptive.agent_decisions';
    END IF;
END
$schemac$;

-- + seed row adaptive.personality_profiles (name=conservative)
INSERT INTO adaptive.personality_profiles (name, description, risk_tolerance, max_position_pct, max_daily_loss_pct, holding_period, parameters) VALUES ('conservative', 'Capital preservation first; few, high-conviction trades', '0.2', 2.00, 1.00, '5 days', '{"min_confidence": 0.8, "use_leverage": false}') ON CONFLICT (name) DO NOTHING;

-- + seed row adaptive.personality_profiles (name=balanced)
INSERT INTO adaptive.personality_profiles (name, description, risk_tolerance, max_position_pct, max_daily_loss_pct, holding_period, parameters) VALUES ('balanced', 'Default profile; moderate size and frequency', '0.5', 5.00, 2.50, '1 day', '{"min_confidence": 0.65, "use_leverage": false}') ON CONFLICT (name) DO NOTHING;

-- + seed row adaptive.personality_profiles (name=aggressive)
INSERT INTO adaptive.personality_profiles (name, description, risk_tolerance, max_position_pct, max_daily_loss_pct, holding_period, parameters) VALUES ('aggressive', 'Momentum-seeking; larger positions, shorter holds', '0.8', 10.00, 5.00, '4 hours', '{"min_confidence": 0.55, "use_leverage": true}') ON CONFLICT (name) DO NOTHING;

-- + foreign key agent_decisions_personality_id_fkey on adaptive.agent_decisions
ALTER TABLE adaptive.agent_decisions ADD CONSTRAINT agent_decisions_personality_id_fkey FOREIGN KEY (personality_id) REFERENCES adaptive.personality_profiles;

-- + foreign key trades_personality_id_fkey on adaptive.trades
ALTER TABLE adaptive.trades ADD CONSTRAINT trades_personality_id_fkey FOREIGN KEY (personality_id) REFERENCES adaptive.personality_profiles;

-- + foreign key telegram_reports_briefing_date_fkey on cloudbrain.telegram_reports
ALTER TABLE cloudbrain.telegram_reports ADD CONSTRAINT telegram_reports_briefing_date_fkey FOREIGN KEY (briefing_date) REFERENCES cloudbrain.briefings (briefing_date) ON DELETE SET NULL;

-- + foreign key signal_events_signal_id_fkey on cloudbrain.signal_events
ALTER TABLE cloudbrain.signal_events ADD CONSTRAINT signal_events_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES cloudbrain.signals (id) ON DELETE CASCADE;

-- + foreign key signal_outcomes_signal_id_fkey on cloudbrain.signal_outcomes
ALTER TABLE cloudbrain.signal_outcomes ADD CONSTRAINT signal_outcomes_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES cloudbrain.signals (id) ON DELETE CASCADE;

-- + foreign key trade_orders_signal_id_fkey on cloudbrain.trade_orders
ALTER TABLE cloudbrain.trade_orders ADD CONSTRAINT trade_orders_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES cloudbrain.signals (id) ON DELETE SET NULL;

-- + foreign key trades_order_id_fkey on cloudbrain.trades
ALTER TABLE cloudbrain.trades ADD CONSTRAINT trades_order_id_fkey FOREIGN KEY (order_id) REFERENCES cloudbrain.trade_orders (id) ON DELETE RESTRICT;

-- + foreign key trades_signal_id_fkey on cloudbrain.trades
ALTER TABLE cloudbrain.trades ADD CONSTRAINT trades_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES cloudbrain.signals (id) ON DELETE SET NULL;

-- + foreign key fk_sentiment_article on explainable.sentiment_scores
ALTER TABLE explainable.sentiment_scores ADD CONSTRAINT fk_sentiment_article FOREIGN KEY (article_id) REFERENCES explainable.articles (id);

-- + foreign key events_article_id_fkey on explainable.events
ALTER TABLE explainable.events ADD CONSTRAINT events_article_id_fkey FOREIGN KEY (article_id) REFERENCES explainable.articles (id) ON DELETE SET NULL;

-- + foreign key trading_signals_price_id_fkey on explainable.trading_signals
ALTER TABLE explainable.trading_signals ADD CONSTRAINT trading_signals_price_id_fkey FOREIGN KEY (price_id) REFERENCES explainable.prices (id) ON DELETE SET NULL;

-- + foreign key orders_signal_id_fkey on explainable.orders
ALTER TABLE explainable.orders ADD CONSTRAINT orders_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES explainable.trading_signals (id) ON DELETE SET NULL;
