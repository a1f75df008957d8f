-- + index idx_ml_model_performance_model_timestamp on ml_model_performance
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE INDEX CONCURRENTLY idx_ml_model_performance_model_timestamp ON public.ml_model_performance (model_name, "timestamp" DESC);

-- + index ml_model_performance_symbol_idx on ml_model_performance
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE INDEX CONCURRENTLY ml_model_performance_symbol_idx ON public.ml_model_performance (symbol NULLS FIRST);
