-- + primary key fx_rates (currency)
--   exclusive-lock: the primary key's index is built while fx_rates is locked against writes; on a large table build a unique index CONCURRENTLY first and add the constraint USING INDEX
--   may-fail: fails if existing rows have duplicates (or NULLs, for a primary key)
ALTER TABLE public.fx_rates ADD CONSTRAINT fx_rates_pkey PRIMARY KEY (currency);
