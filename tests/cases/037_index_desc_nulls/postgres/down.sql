-- undo + index ml_model_performance_symbol_idx on ml_model_performance
DROP INDEX CONCURRENTLY IF EXISTS public.ml_model_performance_symbol_idx;

-- undo + index idx_ml_model_performance_model_timestamp on ml_model_performance
DROP INDEX CONCURRENTLY IF EXISTS public.idx_ml_model_performance_model_timestamp;
