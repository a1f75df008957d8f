-- + column prices.adjusted_close
ALTER TABLE public.prices ADD COLUMN adjusted_close numeric(10,2);

-- ~ backfill prices.adjusted_close
--   full-scan: updates every existing row of prices in one transaction; on a large table, backfill in batches outside the migration
UPDATE public.prices SET adjusted_close = (close) WHERE adjusted_close IS NULL;
ALTER TABLE public.prices ALTER COLUMN adjusted_close SET NOT NULL;
