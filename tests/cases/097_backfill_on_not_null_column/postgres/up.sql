-- + column prices.adjusted_close
ALTER TABLE public.prices ADD COLUMN adjusted_close numeric(10,2);

-- ~ backfill prices.adjusted_close
--   full-scan: updates every existing row of prices in one transaction; on a large table, backfill in batches outside the migration
--   exclusive-lock: the UPDATE runs in the transaction that added the column, which holds ACCESS EXCLUSIVE on prices until it commits: its reads and writes wait for the whole UPDATE
UPDATE public.prices SET adjusted_close = (close) WHERE adjusted_close IS NULL;
ALTER TABLE public.prices ALTER COLUMN adjusted_close SET NOT NULL;
