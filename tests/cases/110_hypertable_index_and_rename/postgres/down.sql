-- undo + index quotes_price_idx on quotes
DROP INDEX public.quotes_price_idx;

-- undo > index ticks_ts_idx -> quotes_ts_idx
ALTER INDEX IF EXISTS public.quotes_ts_idx RENAME TO ticks_ts_idx;

-- undo > constraint ticks_pkey -> quotes_pkey on quotes
ALTER TABLE public.quotes RENAME CONSTRAINT quotes_pkey TO ticks_pkey;

-- undo > table ticks -> quotes
ALTER TABLE public.quotes RENAME TO ticks;
