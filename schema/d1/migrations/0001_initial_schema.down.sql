-- schemac migration 0001 down: initial_schema
-- message: initial schema
-- created: 2026-12-07 by schemac 0.1.0 from tables (generated; do not edit, see schemac.sum)

-- undo + table trades
--   data-loss: drops table trades with every row written since it was created
DROP TABLE trades;

-- undo + table trade_orders
--   data-loss: drops table trade_orders with every row written since it was created
DROP TABLE trade_orders;

-- undo + table user_connections
--   data-loss: drops table user_connections with every row written since it was created
DROP TABLE user_connections;

-- undo + table weight_history
--   data-loss: drops table weight_history with every row written since it was created
DROP TABLE weight_history;

-- undo + table learning_metrics
--   data-loss: drops table learning_metrics with every row written since it was created
DROP TABLE learning_metrics;

-- undo + table signal_outcomes
--   data-loss: drops table signal_outcomes with every row written since it was created
DROP TABLE signal_outcomes;

-- undo + table signal_events
--   data-loss: drops table signal_events with every row written since it was created
DROP TABLE signal_events;

-- undo + table signals
--   data-loss: drops table signals with every row written since it was created
DROP TABLE signals;

-- undo + table system_monitoring
--   data-loss: drops table system_monitoring with every row written since it was created
DROP TABLE system_monitoring;

-- undo + table system_alerts
--   data-loss: drops table system_alerts with every row written since it was created
DROP TABLE system_alerts;

-- undo + table telegram_reports
--   data-loss: drops table telegram_reports with every row written since it was created
DROP TABLE telegram_reports;

-- undo + table briefings
--   data-loss: drops table briefings with every row written since it was created
DROP TABLE briefings;

-- undo + table news
--   data-loss: drops table news with every row written since it was created
DROP TABLE news;
