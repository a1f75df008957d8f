-- undo > column price_bars.close -> close_price
ALTER TABLE public.price_bars RENAME COLUMN close_price TO close;
