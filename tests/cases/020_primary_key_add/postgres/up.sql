-- + primary key fx_rates (currency)
--   may-fail: fails if existing rows have duplicates or NULLs; the INVALID index the failed build leaves is dropped, and `schemac apply --resume` builds it again
--   the index is built without blocking reads or writes, then attached with a brief ACCESS EXCLUSIVE lock
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE UNIQUE INDEX CONCURRENTLY fx_rates_pkey ON public.fx_rates (currency);
ALTER TABLE public.fx_rates ADD CONSTRAINT fx_rates_pkey PRIMARY KEY USING INDEX fx_rates_pkey;
