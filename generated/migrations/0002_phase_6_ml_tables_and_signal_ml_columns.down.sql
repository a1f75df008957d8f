-- schemac migration 0002 down: phase_6_ml_tables_and_signal_ml_columns
-- message: phase 6 ML tables and signal ML columns
-- created: 2026-11-21 by schemac 0.1.0 from schema (generated; do not edit, see schemac.sum)

-- undo + seed row alphaplus.ml_model_registry (model_name=lightgbm_monthly_full)
DELETE FROM alphaplus.ml_model_registry WHERE model_name = 'lightgbm_monthly_full';

-- undo + seed row alphaplus.ml_model_registry (model_name=xgboost_weekly_quick)
DELETE FROM alphaplus.ml_model_registry WHERE model_name = 'xgboost_weekly_quick';

-- undo + seed row alphaplus.ml_model_registry (model_name=catboost_nightly_incremental)
DELETE FROM alphaplus.ml_model_registry WHERE model_name = 'catboost_nightly_incremental';

-- undo ~ comment on column alphaplus.signals.ml_model_versions
COMMENT ON COLUMN alphaplus.signals.ml_model_versions IS NULL;

-- undo ~ comment on table alphaplus.model_training_history
COMMENT ON TABLE alphaplus.model_training_history IS NULL;

-- undo ~ comment on table alphaplus.ml_model_registry
COMMENT ON TABLE alphaplus.ml_model_registry IS NULL;

-- undo ~ comment on column alphaplus.advanced_ml_integration_results.signal_id
COMMENT ON COLUMN alphaplus.advanced_ml_integration_results.signal_id IS NULL;

-- undo ~ comment on table alphaplus.advanced_ml_integration_results
COMMENT ON TABLE alphaplus.advanced_ml_integration_results IS NULL;

-- undo ~ comment on table alphaplus.model_health_monitoring
COMMENT ON TABLE alphaplus.model_health_monitoring IS NULL;

-- undo ~ comment on table alphaplus.ml_model_performance
COMMENT ON TABLE alphaplus.ml_model_performance IS NULL;

-- undo + index idx_model_training_history_model_timestamp on alphaplus.model_training_history
DROP INDEX alphaplus.idx_model_training_history_model_timestamp;

-- undo + index idx_ml_model_registry_model_type_status on alphaplus.ml_model_registry
DROP INDEX alphaplus.idx_ml_model_registry_model_type_status;

-- undo + index idx_advanced_ml_integration_results_symbol_timeframe on alphaplus.advanced_ml_integration_results
DROP INDEX alphaplus.idx_advanced_ml_integration_results_symbol_timeframe;

-- undo + index idx_advanced_ml_integration_results_signal_id on alphaplus.advanced_ml_integration_results
DROP INDEX alphaplus.idx_advanced_ml_integration_results_signal_id;

-- undo + index idx_model_health_monitoring_model_timestamp on alphaplus.model_health_monitoring
DROP INDEX alphaplus.idx_model_health_monitoring_model_timestamp;

-- undo + index idx_ml_model_performance_symbol_timeframe on alphaplus.ml_model_performance
DROP INDEX alphaplus.idx_ml_model_performance_symbol_timeframe;

-- undo + index idx_ml_model_performance_model_timestamp on alphaplus.ml_model_performance
DROP INDEX alphaplus.idx_ml_model_performance_model_timestamp;

-- undo + column alphaplus.signals.ml_prediction_explanations
--   data-loss: loses the values of column alphaplus.signals.ml_prediction_explanations
ALTER TABLE alphaplus.signals DROP COLUMN ml_prediction_explanations;

-- undo + column alphaplus.signals.ml_model_versions
--   data-loss: loses the values of column alphaplus.signals.ml_model_versions
ALTER TABLE alphaplus.signals DROP COLUMN ml_model_versions;

-- undo + column alphaplus.signals.ml_processing_time_ms
--   data-loss: loses the values of column alphaplus.signals.ml_processing_time_ms
ALTER TABLE alphaplus.signals DROP COLUMN ml_processing_time_ms;

-- undo + column alphaplus.signals.volume_ml_score
--   data-loss: loses the values of column alphaplus.signals.volume_ml_score
ALTER TABLE alphaplus.signals DROP COLUMN volume_ml_score;

-- undo + column alphaplus.signals.candlestick_ml_score
--   data-loss: loses the values of column alphaplus.signals.candlestick_ml_score
ALTER TABLE alphaplus.signals DROP COLUMN candlestick_ml_score;

-- undo + column alphaplus.signals.chart_pattern_ml_score
--   data-loss: loses the values of column alphaplus.signals.chart_pattern_ml_score
ALTER TABLE alphaplus.signals DROP COLUMN chart_pattern_ml_score;

-- undo + column alphaplus.signals.drift_detection_score
--   data-loss: loses the values of column alphaplus.signals.drift_detection_score
ALTER TABLE alphaplus.signals DROP COLUMN drift_detection_score;

-- undo + column alphaplus.signals.catboost_prediction
--   data-loss: loses the values of column alphaplus.signals.catboost_prediction
ALTER TABLE alphaplus.signals DROP COLUMN catboost_prediction;

-- undo + column alphaplus.signals.ml_health_score
--   data-loss: loses the values of column alphaplus.signals.ml_health_score
ALTER TABLE alphaplus.signals DROP COLUMN ml_health_score;

-- undo + column alphaplus.signals.ml_model_confidence
--   data-loss: loses the values of column alphaplus.signals.ml_model_confidence
ALTER TABLE alphaplus.signals DROP COLUMN ml_model_confidence;

-- undo + table alphaplus.model_training_history
--   data-loss: drops table alphaplus.model_training_history with every row written since it was created
DROP TABLE alphaplus.model_training_history;

-- undo + table alphaplus.ml_model_registry
--   data-loss: drops table alphaplus.ml_model_registry with every row written since it was created
DROP TABLE alphaplus.ml_model_registry;

-- undo + table alphaplus.advanced_ml_integration_results
--   data-loss: drops table alphaplus.advanced_ml_integration_results with every row written since it was created
DROP TABLE alphaplus.advanced_ml_integration_results;

-- undo + table alphaplus.model_health_monitoring
--   data-loss: drops table alphaplus.model_health_monitoring with every row written since it was created
DROP TABLE alphaplus.model_health_monitoring;

-- undo + table alphaplus.ml_model_performance
--   data-loss: drops table alphaplus.ml_model_performance with every row written since it was created
DROP TABLE alphaplus.ml_model_performance;
