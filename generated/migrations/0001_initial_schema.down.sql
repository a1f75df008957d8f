-- schemac migration 0001 down: initial_schema
-- message: initial schema
-- created: 2026-11-21 by schemac 0.1.0 from schema (generated; do not edit, see schemac.sum)

-- undo + foreign key orders_signal_id_fkey on explainable.orders
ALTER TABLE explainable.orders DROP CONSTRAINT orders_signal_id_fkey;

-- undo + foreign key trading_signals_price_id_fkey on explainable.trading_signals
ALTER TABLE explainable.trading_signals DROP CONSTRAINT trading_signals_price_id_fkey;

-- undo + foreign key events_article_id_fkey on explainable.events
ALTER TABLE explainable.events DROP CONSTRAINT events_article_id_fkey;

-- undo + foreign key fk_sentiment_article on explainable.sentiment_scores
ALTER TABLE explainable.sentiment_scores DROP CONSTRAINT fk_sentiment_article;

-- undo + foreign key trades_signal_id_fkey on cloudbrain.trades
ALTER TABLE cloudbrain.trades DROP CONSTRAINT trades_signal_id_fkey;

-- undo + foreign key trades_order_id_fkey on cloudbrain.trades
ALTER TABLE cloudbrain.trades DROP CONSTRAINT trades_order_id_fkey;

-- undo + foreign key trade_orders_signal_id_fkey on cloudbrain.trade_orders
ALTER TABLE cloudbrain.trade_orders DROP CONSTRAINT trade_orders_signal_id_fkey;

-- undo + foreign key signal_outcomes_signal_id_fkey on cloudbrain.signal_outcomes
ALTER TABLE cloudbrain.signal_outcomes DROP CONSTRAINT signal_outcomes_signal_id_fkey;

-- undo + foreign key signal_events_signal_id_fkey on cloudbrain.signal_events
ALTER TABLE cloudbrain.signal_events DROP CONSTRAINT signal_events_signal_id_fkey;

-- undo + foreign key telegram_reports_briefing_date_fkey on cloudbrain.telegram_reports
ALTER TABLE cloudbrain.telegram_reports DROP CONSTRAINT telegram_reports_briefing_date_fkey;

-- undo + foreign key trades_personality_id_fkey on adaptive.trades
ALTER TABLE adaptive.trades DROP CONSTRAINT trades_personality_id_fkey;

-- undo + foreign key agent_decisions_personality_id_fkey on adaptive.agent_decisions
ALTER TABLE adaptive.agent_decisions DROP CONSTRAINT agent_decisions_personality_id_fkey;

-- undo + seed row adaptive.personality_profiles (name=aggressive)
DELETE FROM adaptive.personality_profiles WHERE name = 'aggressive';

-- undo + seed row adaptive.personality_profiles (name=balanced)
DELETE FROM adaptive.personality_profiles WHERE name = 'balanced';

-- undo + seed row adaptive.personality_profiles (name=conservative)
DELETE FROM adaptive.personality_profiles WHERE name = 'conservative';

-- undo + hypertable adaptive.agent_decisions
--   nothing to undo here: the table's own reverse drops it

-- undo + hypertable adaptive.market_data
--   nothing to undo here: the table's own reverse drops it

-- undo ~ comment on column explainable.backtest_results.max_drawdown
COMMENT ON COLUMN explainable.backtest_results.max_drawdown IS NULL;

-- undo ~ comment on column explainable.backtest_results.total_return
COMMENT ON COLUMN explainable.backtest_results.total_return IS NULL;

-- undo ~ comment on table explainable.backtest_results
COMMENT ON TABLE explainable.backtest_results IS NULL;

-- undo ~ comment on column explainable.orders.signal_id
COMMENT ON COLUMN explainable.orders.signal_id IS NULL;

-- undo ~ comment on table explainable.orders
COMMENT ON TABLE explainable.orders IS NULL;

-- undo ~ comment on column explainable.trading_signals.feature_contributions
COMMENT ON COLUMN explainable.trading_signals.feature_contributions IS NULL;

-- undo ~ comment on column explainable.trading_signals.explanation
COMMENT ON COLUMN explainable.trading_signals.explanation IS NULL;

-- undo ~ comment on column explainable.trading_signals.price_id
COMMENT ON COLUMN explainable.trading_signals.price_id IS NULL;

-- undo ~ comment on column explainable.trading_signals.timestamp
COMMENT ON COLUMN explainable.trading_signals."timestamp" IS NULL;

-- undo ~ comment on table explainable.trading_signals
COMMENT ON TABLE explainable.trading_signals IS NULL;

-- undo ~ comment on table explainable.prices
COMMENT ON TABLE explainable.prices IS NULL;

-- undo ~ comment on column explainable.events.article_id
COMMENT ON COLUMN explainable.events.article_id IS NULL;

-- undo ~ comment on column explainable.events.impact_score
COMMENT ON COLUMN explainable.events.impact_score IS NULL;

-- undo ~ comment on column explainable.events.event_type
COMMENT ON COLUMN explainable.events.event_type IS NULL;

-- undo ~ comment on column explainable.events.symbol
COMMENT ON COLUMN explainable.events.symbol IS NULL;

-- undo ~ comment on table explainable.events
COMMENT ON TABLE explainable.events IS NULL;

-- undo ~ comment on column explainable.sentiment_scores.score
COMMENT ON COLUMN explainable.sentiment_scores.score IS NULL;

-- undo ~ comment on column explainable.sentiment_scores.model
COMMENT ON COLUMN explainable.sentiment_scores.model IS NULL;

-- undo ~ comment on table explainable.sentiment_scores
COMMENT ON TABLE explainable.sentiment_scores IS NULL;

-- undo ~ comment on column explainable.articles.symbols
COMMENT ON COLUMN explainable.articles.symbols IS NULL;

-- undo ~ comment on table explainable.articles
COMMENT ON TABLE explainable.articles IS NULL;

-- undo ~ comment on table cloudbrain.trades
COMMENT ON TABLE cloudbrain.trades IS NULL;

-- undo ~ comment on column cloudbrain.trade_orders.signal_id
COMMENT ON COLUMN cloudbrain.trade_orders.signal_id IS NULL;

-- undo ~ comment on table cloudbrain.trade_orders
COMMENT ON TABLE cloudbrain.trade_orders IS NULL;

-- undo ~ comment on column cloudbrain.user_connections.refresh_token
COMMENT ON COLUMN cloudbrain.user_connections.refresh_token IS NULL;

-- undo ~ comment on column cloudbrain.user_connections.access_token
COMMENT ON COLUMN cloudbrain.user_connections.access_token IS NULL;

-- undo ~ comment on column cloudbrain.user_connections.provider
COMMENT ON COLUMN cloudbrain.user_connections.provider IS NULL;

-- undo ~ comment on column cloudbrain.user_connections.user_id
COMMENT ON COLUMN cloudbrain.user_connections.user_id IS NULL;

-- undo ~ comment on table cloudbrain.user_connections
COMMENT ON TABLE cloudbrain.user_connections IS NULL;

-- undo ~ comment on column cloudbrain.weight_history.metrics_snapshot
COMMENT ON COLUMN cloudbrain.weight_history.metrics_snapshot IS NULL;

-- undo ~ comment on column cloudbrain.weight_history.component
COMMENT ON COLUMN cloudbrain.weight_history.component IS NULL;

-- undo ~ comment on table cloudbrain.weight_history
COMMENT ON TABLE cloudbrain.weight_history IS NULL;

-- undo ~ comment on column cloudbrain.learning_metrics.metric_name
COMMENT ON COLUMN cloudbrain.learning_metrics.metric_name IS NULL;

-- undo ~ comment on column cloudbrain.learning_metrics.scope
COMMENT ON COLUMN cloudbrain.learning_metrics.scope IS NULL;

-- undo ~ comment on table cloudbrain.learning_metrics
COMMENT ON TABLE cloudbrain.learning_metrics IS NULL;

-- undo ~ comment on column cloudbrain.signal_outcomes.due_at
COMMENT ON COLUMN cloudbrain.signal_outcomes.due_at IS NULL;

-- undo ~ comment on column cloudbrain.signal_outcomes.horizon
COMMENT ON COLUMN cloudbrain.signal_outcomes.horizon IS NULL;

-- undo ~ comment on table cloudbrain.signal_outcomes
COMMENT ON TABLE cloudbrain.signal_outcomes IS NULL;

-- undo ~ comment on column cloudbrain.signal_events.component_scores
COMMENT ON COLUMN cloudbrain.signal_events.component_scores IS NULL;

-- undo ~ comment on column cloudbrain.signal_events.market_context
COMMENT ON COLUMN cloudbrain.signal_events.market_context IS NULL;

-- undo ~ comment on table cloudbrain.signal_events
COMMENT ON TABLE cloudbrain.signal_events IS NULL;

-- undo ~ comment on column cloudbrain.signals.weights
COMMENT ON COLUMN cloudbrain.signals.weights IS NULL;

-- undo ~ comment on column cloudbrain.signals.model
COMMENT ON COLUMN cloudbrain.signals.model IS NULL;

-- undo ~ comment on column cloudbrain.signals.price
COMMENT ON COLUMN cloudbrain.signals.price IS NULL;

-- undo ~ comment on table cloudbrain.signals
COMMENT ON TABLE cloudbrain.signals IS NULL;

-- undo ~ comment on column cloudbrain.system_monitoring.metric_name
COMMENT ON COLUMN cloudbrain.system_monitoring.metric_name IS NULL;

-- undo ~ comment on table cloudbrain.system_monitoring
COMMENT ON TABLE cloudbrain.system_monitoring IS NULL;

-- undo ~ comment on column cloudbrain.system_alerts.source
COMMENT ON COLUMN cloudbrain.system_alerts.source IS NULL;

-- undo ~ comment on table cloudbrain.system_alerts
COMMENT ON TABLE cloudbrain.system_alerts IS NULL;

-- undo ~ comment on column cloudbrain.telegram_reports.briefing_date
COMMENT ON COLUMN cloudbrain.telegram_reports.briefing_date IS NULL;

-- undo ~ comment on column cloudbrain.telegram_reports.report_type
COMMENT ON COLUMN cloudbrain.telegram_reports.report_type IS NULL;

-- undo ~ comment on column cloudbrain.telegram_reports.chat_id
COMMENT ON COLUMN cloudbrain.telegram_reports.chat_id IS NULL;

-- undo ~ comment on table cloudbrain.telegram_reports
COMMENT ON TABLE cloudbrain.telegram_reports IS NULL;

-- undo ~ comment on column cloudbrain.briefings.market_snapshot
COMMENT ON COLUMN cloudbrain.briefings.market_snapshot IS NULL;

-- undo ~ comment on column cloudbrain.briefings.content
COMMENT ON COLUMN cloudbrain.briefings.content IS NULL;

-- undo ~ comment on table cloudbrain.briefings
COMMENT ON TABLE cloudbrain.briefings IS NULL;

-- undo ~ comment on column cloudbrain.news.sentiment_score
COMMENT ON COLUMN cloudbrain.news.sentiment_score IS NULL;

-- undo ~ comment on column cloudbrain.news.symbols
COMMENT ON COLUMN cloudbrain.news.symbols IS NULL;

-- undo ~ comment on table cloudbrain.news
COMMENT ON TABLE cloudbrain.news IS NULL;

-- undo ~ comment on column alphaplus.signals.timestamp
COMMENT ON COLUMN alphaplus.signals."timestamp" IS NULL;

-- undo ~ comment on column alphaplus.signals.status
COMMENT ON COLUMN alphaplus.signals.status IS NULL;

-- undo ~ comment on column alphaplus.signals.confidence
COMMENT ON COLUMN alphaplus.signals.confidence IS NULL;

-- undo ~ comment on column alphaplus.signals.direction
COMMENT ON COLUMN alphaplus.signals.direction IS NULL;

-- undo ~ comment on column alphaplus.signals.signal_id
COMMENT ON COLUMN alphaplus.signals.signal_id IS NULL;

-- undo ~ comment on table alphaplus.signals
COMMENT ON TABLE alphaplus.signals IS NULL;

-- undo ~ comment on column adaptive.trades.personality_id
COMMENT ON COLUMN adaptive.trades.personality_id IS NULL;

-- undo ~ comment on table adaptive.trades
COMMENT ON TABLE adaptive.trades IS NULL;

-- undo ~ comment on column adaptive.agent_decisions.context
COMMENT ON COLUMN adaptive.agent_decisions.context IS NULL;

-- undo ~ comment on column adaptive.agent_decisions.symbol
COMMENT ON COLUMN adaptive.agent_decisions.symbol IS NULL;

-- undo ~ comment on column adaptive.agent_decisions.agent_name
COMMENT ON COLUMN adaptive.agent_decisions.agent_name IS NULL;

-- undo ~ comment on table adaptive.agent_decisions
COMMENT ON TABLE adaptive.agent_decisions IS NULL;

-- undo ~ comment on column adaptive.personality_profiles.parameters
COMMENT ON COLUMN adaptive.personality_profiles.parameters IS NULL;

-- undo ~ comment on column adaptive.personality_profiles.holding_period
COMMENT ON COLUMN adaptive.personality_profiles.holding_period IS NULL;

-- undo ~ comment on column adaptive.personality_profiles.max_daily_loss_pct
COMMENT ON COLUMN adaptive.personality_profiles.max_daily_loss_pct IS NULL;

-- undo ~ comment on column adaptive.personality_profiles.max_position_pct
COMMENT ON COLUMN adaptive.personality_profiles.max_position_pct IS NULL;

-- undo ~ comment on column adaptive.personality_profiles.risk_tolerance
COMMENT ON COLUMN adaptive.personality_profiles.risk_tolerance IS NULL;

-- undo ~ comment on table adaptive.personality_profiles
COMMENT ON TABLE adaptive.personality_profiles IS NULL;

-- undo ~ comment on column adaptive.market_data.source
COMMENT ON COLUMN adaptive.market_data.source IS NULL;

-- undo ~ comment on column adaptive.market_data.timeframe
COMMENT ON COLUMN adaptive.market_data.timeframe IS NULL;

-- undo ~ comment on column adaptive.market_data.time
COMMENT ON COLUMN adaptive.market_data."time" IS NULL;

-- undo ~ comment on table adaptive.market_data
COMMENT ON TABLE adaptive.market_data IS NULL;

-- undo ~ comment on enum explainable.order_status
COMMENT ON TYPE explainable.order_status IS NULL;

-- undo ~ comment on enum explainable.sentiment_label
COMMENT ON TYPE explainable.sentiment_label IS NULL;

-- undo ~ comment on enum cloudbrain.order_status
COMMENT ON TYPE cloudbrain.order_status IS NULL;

-- undo ~ comment on enum cloudbrain.signal_result
COMMENT ON TYPE cloudbrain.signal_result IS NULL;

-- undo ~ comment on enum adaptive.agent_action
COMMENT ON TYPE adaptive.agent_action IS NULL;

-- undo + index idx_backtest_results_strategy on explainable.backtest_results
DROP INDEX explainable.idx_backtest_results_strategy;

-- undo + index idx_orders_open on explainable.orders
DROP INDEX explainable.idx_orders_open;

-- undo + index idx_orders_signal_id on explainable.orders
DROP INDEX explainable.idx_orders_signal_id;

-- undo + index idx_trading_signals_symbol_timestamp on explainable.trading_signals
DROP INDEX explainable.idx_trading_signals_symbol_timestamp;

-- undo + index idx_events_symbol_time on explainable.events
DROP INDEX explainable.idx_events_symbol_time;

-- undo + index idx_articles_symbols on explainable.articles
DROP INDEX explainable.idx_articles_symbols;

-- undo + index idx_articles_published_at on explainable.articles
DROP INDEX explainable.idx_articles_published_at;

-- undo + index idx_trades_order_id on cloudbrain.trades
DROP INDEX cloudbrain.idx_trades_order_id;

-- undo + index idx_trades_symbol_executed_at on cloudbrain.trades
DROP INDEX cloudbrain.idx_trades_symbol_executed_at;

-- undo + index idx_trade_orders_open on cloudbrain.trade_orders
DROP INDEX cloudbrain.idx_trade_orders_open;

-- undo + index idx_trade_orders_user_created_at on cloudbrain.trade_orders
DROP INDEX cloudbrain.idx_trade_orders_user_created_at;

-- undo + index idx_user_connections_provider_email on cloudbrain.user_connections
DROP INDEX cloudbrain.idx_user_connections_provider_email;

-- undo + index idx_user_connections_user_id on cloudbrain.user_connections
DROP INDEX cloudbrain.idx_user_connections_user_id;

-- undo + index idx_weight_history_component on cloudbrain.weight_history
DROP INDEX cloudbrain.idx_weight_history_component;

-- undo + index idx_signal_outcomes_pending on cloudbrain.signal_outcomes
DROP INDEX cloudbrain.idx_signal_outcomes_pending;

-- undo + index idx_signal_events_market_context on cloudbrain.signal_events
DROP INDEX cloudbrain.idx_signal_events_market_context;

-- undo + index idx_signal_events_signal_id on cloudbrain.signal_events
DROP INDEX cloudbrain.idx_signal_events_signal_id;

-- undo + index idx_signals_symbol_created_at on cloudbrain.signals
DROP INDEX cloudbrain.idx_signals_symbol_created_at;

-- undo + index idx_system_monitoring_component_metric on cloudbrain.system_monitoring
DROP INDEX cloudbrain.idx_system_monitoring_component_metric;

-- undo + index idx_system_alerts_open on cloudbrain.system_alerts
DROP INDEX cloudbrain.idx_system_alerts_open;

-- undo + index idx_telegram_reports_chat_sent_at on cloudbrain.telegram_reports
DROP INDEX cloudbrain.idx_telegram_reports_chat_sent_at;

-- undo + index idx_news_symbols on cloudbrain.news
DROP INDEX cloudbrain.idx_news_symbols;

-- undo + index idx_news_published_at on cloudbrain.news
DROP INDEX cloudbrain.idx_news_published_at;

-- undo + index idx_signals_active on alphaplus.signals
DROP INDEX alphaplus.idx_signals_active;

-- undo + index idx_signals_symbol_timeframe_timestamp on alphaplus.signals
DROP INDEX alphaplus.idx_signals_symbol_timeframe_timestamp;

-- undo + index idx_trades_personality_id on adaptive.trades
DROP INDEX adaptive.idx_trades_personality_id;

-- undo + index idx_trades_symbol_executed_at on adaptive.trades
DROP INDEX adaptive.idx_trades_symbol_executed_at;

-- undo + table explainable.backtest_results
--   data-loss: drops table explainable.backtest_results with every row written since it was created
DROP TABLE explainable.backtest_results;

-- undo + table explainable.orders
--   data-loss: drops table explainable.orders with every row written since it was created
DROP TABLE explainable.orders;

-- undo + table explainable.trading_signals
--   data-loss: drops table explainable.trading_signals with every row written since it was created
DROP TABLE explainable.trading_signals;

-- undo + table explainable.prices
--   data-loss: drops table explainable.prices with every row written since it was created
DROP TABLE explainable.prices;

-- undo + table explainable.events
--   data-loss: drops table explainable.events with every row written since it was created
DROP TABLE explainable.events;

-- undo + table explainable.sentiment_scores
--   data-loss: drops table explainable.sentiment_scores with every row written since it was created
DROP TABLE explainable.sentiment_scores;

-- undo + table explainable.articles
--   data-loss: drops table explainable.articles with every row written since it was created
DROP TABLE explainable.articles;

-- undo + table cloudbrain.trades
--   data-loss: drops table cloudbrain.trades with every row written since it was created
DROP TABLE cloudbrain.trades;

-- undo + table cloudbrain.trade_orders
--   data-loss: drops table cloudbrain.trade_orders with every row written since it was created
DROP TABLE cloudbrain.trade_orders;

-- undo + table cloudbrain.user_connections
--   data-loss: drops table cloudbrain.user_connections with every row written since it was created
DROP TABLE cloudbrain.user_connections;

-- undo + table cloudbrain.weight_history
--   data-loss: drops table cloudbrain.weight_history with every row written since it was created
DROP TABLE cloudbrain.weight_history;

-- undo + table cloudbrain.learning_metrics
--   data-loss: drops table cloudbrain.learning_metrics with every row written since it was created
DROP TABLE cloudbrain.learning_metrics;

-- undo + table cloudbrain.signal_outcomes
--   data-loss: drops table cloudbrain.signal_outcomes with every row written since it was created
DROP TABLE cloudbrain.signal_outcomes;

-- undo + table cloudbrain.signal_events
--   data-loss: drops table cloudbrain.signal_events with every row written since it was created
DROP TABLE cloudbrain.signal_events;

-- undo + table cloudbrain.signals
--   data-loss: drops table cloudbrain.signals with every row written since it was created
DROP TABLE cloudbrain.signals;

-- undo + table cloudbrain.system_monitoring
--   data-loss: drops table cloudbrain.system_monitoring with every row written since it was created
DROP TABLE cloudbrain.system_monitoring;

-- undo + table cloudbrain.system_alerts
--   data-loss: drops table cloudbrain.system_alerts with every row written since it was created
DROP TABLE cloudbrain.system_alerts;

-- undo + table cloudbrain.telegram_reports
--   data-loss: drops table cloudbrain.telegram_reports with every row written since it was created
DROP TABLE cloudbrain.telegram_reports;

-- undo + table cloudbrain.briefings
--   data-loss: drops table cloudbrain.briefings with every row written since it was created
DROP TABLE cloudbrain.briefings;

-- undo + table cloudbrain.news
--   data-loss: drops table cloudbrain.news with every row written since it was created
DROP TABLE cloudbrain.news;

-- undo + table alphaplus.signals
--   data-loss: drops table alphaplus.signals with every row written since it was created
DROP TABLE alphaplus.signals;

-- undo + table adaptive.trades
--   data-loss: drops table adaptive.trades with every row written since it was created
DROP TABLE adaptive.trades;

-- undo + table adaptive.agent_decisions
--   data-loss: drops table adaptive.agent_decisions with every row written since it was created
DROP TABLE adaptive.agent_decisions;

-- undo + table adaptive.personality_profiles
--   data-loss: drops table adaptive.personality_profiles with every row written since it was created
DROP TABLE adaptive.personality_profiles;

-- undo + table adaptive.market_data
--   data-loss: drops table adaptive.market_data with every row written since it was created
DROP TABLE adaptive.market_data;

-- undo + enum explainable.order_status
DROP TYPE explainable.order_status;

-- undo + enum explainable.order_type
DROP TYPE explainable.order_type;

-- undo + enum explainable.order_side
DROP TYPE explainable.order_side;

-- undo + enum explainable.signal_action
DROP TYPE explainable.signal_action;

-- undo + enum explainable.sentiment_label
DROP TYPE explainable.sentiment_label;

-- undo + enum cloudbrain.order_status
DROP TYPE cloudbrain.order_status;

-- undo + enum cloudbrain.order_type
DROP TYPE cloudbrain.order_type;

-- undo + enum cloudbrain.trade_side
DROP TYPE cloudbrain.trade_side;

-- undo + enum cloudbrain.signal_result
DROP TYPE cloudbrain.signal_result;

-- undo + enum cloudbrain.signal_action
DROP TYPE cloudbrain.signal_action;

-- undo + enum cloudbrain.alert_severity
DROP TYPE cloudbrain.alert_severity;

-- undo + enum adaptive.agent_action
DROP TYPE adaptive.agent_action;

-- undo + enum adaptive.trade_side
DROP TYPE adaptive.trade_side;

-- undo + schema explainable
DROP SCHEMA explainable;

-- undo + schema cloudbrain
DROP SCHEMA cloudbrain;

-- undo + schema alphaplus
DROP SCHEMA alphaplus;

-- undo + schema adaptive
DROP SCHEMA adaptive;
