-- undo + index idx_perf_metadata on ml_model_performance
DROP INDEX CONCURRENTLY IF EXISTS public.idx_perf_metadata;
