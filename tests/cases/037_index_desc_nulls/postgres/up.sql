-- + index idx_ml_model_performance_model_timestamp on ml_model_performance
--   exclusive-lock: writes to ml_model_performance wait while the index builds; set concurrently: true to build it without blocking writes
CREATE INDEX idx_ml_model_performance_model_timestamp ON public.ml_model_performance (model_name, "timestamp" DESC);

-- + index ml_model_performance_symbol_idx on ml_model_performance
--   exclusive-lock: writes to ml_model_performance wait while the index builds; set concurrently: true to build it without blocking writes
CREATE INDEX ml_model_performance_symbol_idx ON public.ml_model_performance (symbol NULLS FIRST);
