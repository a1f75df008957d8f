-- undo - index idx_perf_metadata on ml_model_performance
CREATE INDEX CONCURRENTLY idx_perf_metadata ON public.ml_model_performance USING gin (metadata);
