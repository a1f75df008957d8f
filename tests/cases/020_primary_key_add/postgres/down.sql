-- undo + primary key fx_rates (currency)
ALTER TABLE public.fx_rates DROP CONSTRAINT IF EXISTS fx_rates_pkey;
DROP INDEX CONCURRENTLY IF EXISTS public.fx_rates_pkey;
