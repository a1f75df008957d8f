-- + index idx_perf_metadata on ml_model_performance
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE INDEX CONCURRENTLY idx_perf_metadata ON public.ml_model_performance USING gin (metadata);
