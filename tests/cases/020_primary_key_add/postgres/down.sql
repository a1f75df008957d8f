-- undo + primary key fx_rates (currency)
ALTER TABLE public.fx_rates DROP CONSTRAINT fx_rates_pkey;
