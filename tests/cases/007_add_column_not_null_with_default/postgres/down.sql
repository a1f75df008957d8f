-- undo + column model_health.retries
--   data-loss: loses the values of column model_health.retries
ALTER TABLE public.model_health DROP COLUMN retries;

-- undo + column model_health.status
--   data-loss: loses the values of column model_health.status
ALTER TABLE public.model_health DROP COLUMN status;
