-- schemac migration 0002 up: phase_6_ml_tables_and_signal_ml_columns
-- message: phase 6 ML tables and signal ML columns
-- created: 2026-11-21 by schemac 0.1.0 from schema (generated; do not edit, see schemac.sum)

-- + table alphaplus.ml_model_performance
CREATE TABLE alphaplus.ml_model_performance (
    id serial NOT NULL,
    model_name varchar(100) NOT NULL,
    model_type varchar(50) NOT NULL,
    symbol varchar(20),
    timeframe varchar(10),
    "timestamp" timestamptz DEFAULT now(),
    accuracy double precision,
    "precision" double precision,
    recall double precision,
    f1_score double precision,
    auc_score double precision,
    latency_ms double precision,
    throughput_per_sec double precision,
    memory_usage_mb double precision,
    gpu_usage_percent double precision,
    prediction_count integer DEFAULT 0,
    error_count integer DEFAULT 0,
    drift_score double precision,
    health_score double precision,
    metadata jsonb,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT ml_model_performance_pkey PRIMARY KEY (id)
);

-- + table alphaplus.model_health_monitoring
CREATE TABLE alphaplus.model_health_monitoring (
    id serial NOT NULL,
    model_name varchar(100) NOT NULL,
    "timestamp" timestamptz DEFAULT now(),
    health_status varchar(20) DEFAULT 'healthy',
    overall_health_score double precision,
    feature_drift_score double precision,
    concept_drift_score double precision,
    performance_drift_score double precision,
    data_quality_score double precision,
    model_stability_score double precision,
    alert_level varchar(20) DEFAULT 'none',
    alert_message text,
    recommendations jsonb,
    metadata jsonb,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT model_health_monitoring_pkey PRIMARY KEY (id)
);

-- + table alphaplus.advanced_ml_integration_results
CREATE TABLE alphaplus.advanced_ml_integration_results (
    id serial NOT NULL,
    signal_id varchar(100) NOT NULL,
    symbol varchar(20) NOT NULL,
    timeframe varchar(10) NOT NULL,
    "timestamp" timestamptz DEFAULT now(),
    catboost_prediction double precision,
    catboost_confidence double precision,
    drift_detection_score double precision,
    chart_pattern_score double precision,
    candlestick_pattern_score double precision,
    volume_analysis_score double precision,
    ensemble_prediction double precision,
    ensemble_confidence double precision,
    ml_health_score double precision,
    processing_time_ms double precision,
    model_versions jsonb,
    feature_importance jsonb,
    prediction_explanations jsonb,
    metadata jsonb,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT advanced_ml_integration_results_pkey PRIMARY KEY (id)
);

-- + table alphaplus.ml_model_registry
CREATE TABLE alphaplus.ml_model_registry (
    id serial NOT NULL,
    model_name varchar(100) NOT NULL,
    model_type varchar(50) NOT NULL,
    model_path varchar(500) NOT NULL,
    onnx_path varchar(500),
    version varchar(20) NOT NULL,
    status varchar(20) DEFAULT 'active',
    accuracy double precision,
    training_date timestamptz,
    last_updated timestamptz DEFAULT now(),
    model_size_mb double precision,
    input_features jsonb,
    output_classes jsonb,
    hyperparameters jsonb,
    performance_metrics jsonb,
    metadata jsonb,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT ml_model_registry_pkey PRIMARY KEY (id),
    CONSTRAINT ml_model_registry_model_name_key UNIQUE (model_name)
);

-- + table alphaplus.model_training_history
CREATE TABLE alphaplus.model_training_history (
    id serial NOT NULL,
    model_name varchar(100) NOT NULL,
    training_run_id varchar(100) NOT NULL,
    "timestamp" timestamptz DEFAULT now(),
    training_status varchar(20) DEFAULT 'completed',
    training_duration_seconds double precision,
    training_samples integer,
    validation_samples integer,
    test_samples integer,
    initial_accuracy double precision,
    final_accuracy double precision,
    accuracy_improvement double precision,
    loss_history jsonb,
    metrics_history jsonb,
    hyperparameters jsonb,
    feature_importance jsonb,
    training_logs text,
    metadata jsonb,
    created_at timestamptz DEFAULT now(),
    CONSTRAINT model_training_history_pkey PRIMARY KEY (id)
);

-- + column alphaplus.signals.ml_model_confidence
ALTER TABLE alphaplus.signals ADD COLUMN ml_model_confidence double precision DEFAULT '0.0';

-- + column alphaplus.signals.ml_health_score
ALTER TABLE alphaplus.signals ADD COLUMN ml_health_score double precision DEFAULT '0.0';

-- + column alphaplus.signals.catboost_prediction
ALTER TABLE alphaplus.signals ADD COLUMN catboost_prediction double precision DEFAULT '0.0';

-- + column alphaplus.signals.drift_detection_score
ALTER TABLE alphaplus.signals ADD COLUMN drift_detection_score double precision DEFAULT '0.0';

-- + column alphaplus.signals.chart_pattern_ml_score
ALTER TABLE alphaplus.signals ADD COLUMN chart_pattern_ml_score double precision DEFAULT '0.0';

-- + column alphaplus.signals.candlestick_ml_score
ALTER TABLE alphaplus.signals ADD COLUMN candlestick_ml_score double precision DEFAULT '0.0';

-- + column alphaplus.signals.volume_ml_score
ALTER TABLE alphaplus.signals ADD COLUMN volume_ml_score double precision DEFAULT '0.0';

-- + column alphaplus.signals.ml_processing_time_ms
ALTER TABLE alphaplus.signals ADD COLUMN ml_processing_time_ms double precision DEFAULT '0.0';

-- + column alphaplus.signals.ml_model_versions
ALTER TABLE alphaplus.signals ADD COLUMN ml_model_versions jsonb;

-- + column alphaplus.signals.ml_prediction_explanations
ALTER TABLE alphaplus.signals ADD COLUMN ml_prediction_explanations jsonb;

-- + index idx_ml_model_performance_model_timestamp on alphaplus.ml_model_performance
CREATE INDEX idx_ml_model_performance_model_timestamp ON alphaplus.ml_model_performance (model_name, "timestamp" DESC);

-- + index idx_ml_model_performance_symbol_timeframe on alphaplus.ml_model_performance
CREATE INDEX idx_ml_model_performance_symbol_timeframe ON alphaplus.ml_model_performance (symbol, timeframe, "timestamp" DESC);

-- + index idx_model_health_monitoring_model_timestamp on alphaplus.model_health_monitoring
CREATE INDEX idx_model_health_monitoring_model_timestamp ON alphaplus.model_health_monitoring (model_name, "timestamp" DESC);

-- + index idx_advanced_ml_integration_results_signal_id on alphaplus.advanced_ml_integration_results
CREATE INDEX idx_advanced_ml_integration_results_signal_id ON alphaplus.advanced_ml_integration_results (signal_id);

-- + index idx_advanced_ml_integration_results_symbol_timeframe on alphaplus.advanced_ml_integration_results
CREATE INDEX idx_advanced_ml_integration_results_symbol_timeframe ON alphaplus.advanced_ml_integration_results (symbol, timeframe, "timestamp" DESC);

-- + index idx_ml_model_registry_model_type_status on alphaplus.ml_model_registry
CREATE INDEX idx_ml_model_registry_model_type_status ON alphaplus.ml_model_registry (model_type, status);

-- + index idx_model_training_history_model_timestamp on alphaplus.model_training_history
CREATE INDEX idx_model_training_history_model_timestamp ON alphaplus.model_training_history (model_name, "timestamp" DESC);

-- ~ comment on table alphaplus.ml_model_performance
COMMENT ON TABLE alphaplus.ml_model_performance IS 'Per-model performance metrics logged by the signal generator (Phase 6 1.A)';

-- ~ comment on table alphaplus.model_health_monitoring
COMMENT ON TABLE alphaplus.model_health_monitoring IS 'Model health and drift assessments over time (Phase 6 1.B)';

-- ~ comment on table alphaplus.advanced_ml_integration_results
COMMENT ON TABLE alphaplus.advanced_ml_integration_results IS 'Full ML analysis behind each signal (Phase 6 1.C)';

-- ~ comment on column alphaplus.advanced_ml_integration_results.signal_id
COMMENT ON COLUMN alphaplus.advanced_ml_integration_results.signal_id IS 'The signal''s external id, signals.signal_id (signals.yaml). The document declares no foreign key, so none is added here.';

-- ~ comment on table alphaplus.ml_model_registry
COMMENT ON TABLE alphaplus.ml_model_registry IS 'Registry of deployable ML models (Phase 6 1.D)';

-- ~ comment on table alphaplus.model_training_history
COMMENT ON TABLE alphaplus.model_training_history IS 'One row per training run of a model (Phase 6 1.E)';

-- ~ comment on column alphaplus.signals.ml_model_versions
COMMENT ON COLUMN alphaplus.signals.ml_model_versions IS 'Model name -> version used for this signal';

-- + seed row alphaplus.ml_model_registry (model_name=catboost_nightly_incremental)
INSERT INTO alphaplus.ml_model_registry (model_name, model_type, model_path, version, status, metadata) VALUES ('catboost_nightly_incremental', 'catboost', 'models/catboost_nightly_incremental_20250814_151525.model', '1.0.0', 'active', '{"description": "Nightly incremental CatBoost model", "training_frequency": "daily"}') ON CONFLICT (model_name) DO NOTHING;

-- + seed row alphaplus.ml_model_registry (model_name=xgboost_weekly_quick)
INSERT INTO alphaplus.ml_model_registry (model_name, model_type, model_path, version, status, metadata) VALUES ('xgboost_weekly_quick', 'xgboost', 'models/xgboost_weekly_quick_20250814_151525.model', '1.0.0', 'active', '{"description": "Weekly quick XGBoost model", "training_frequency": "weekly"}') ON CONFLICT (model_name) DO NOTHING;

-- + seed row alphaplus.ml_model_registry (model_name=lightgbm_monthly_full)
INSERT INTO alphaplus.ml_model_registry (model_name, model_type, model_path, version, status, metadata) VALUES ('lightgbm_monthly_full', 'lightgbm', 'models/lightgbm_monthly_full_20250814_151525.model', '1.0.0', 'active', '{"description": "Monthly full LightGBM model", "training_frequency": "monthly"}') ON CONFLICT (model_name) DO NOTHING;
