-- > table ticks -> quotes
--   breaks-running-app: SQL that names ticks stops working; deploy code that works with both names, or use a view with the old name during the switch
ALTER TABLE public.ticks RENAME TO quotes;

-- > constraint ticks_pkey -> quotes_pkey on quotes
ALTER TABLE public.quotes RENAME CONSTRAINT ticks_pkey TO quotes_pkey;

-- > index ticks_ts_idx -> quotes_ts_idx
ALTER INDEX IF EXISTS public.ticks_ts_idx RENAME TO quotes_ts_idx;

-- + index quotes_price_idx on quotes
--   exclusive-lock: writes to quotes wait while the index builds (TimescaleDB builds no index on a hypertable concurrently)
CREATE INDEX quotes_price_idx ON public.quotes (price);
