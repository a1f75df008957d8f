-- - index idx_perf_metadata on ml_model_performance
--   runs outside a transaction block (schemac diff puts it in a file of its own)
DROP INDEX CONCURRENTLY IF EXISTS public.idx_perf_metadata;
