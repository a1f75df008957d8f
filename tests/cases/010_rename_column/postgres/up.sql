-- > column price_bars.close -> close_price
--   breaks-running-app: SQL that names close stops working; deploy code that copes with both names first
ALTER TABLE public.price_bars RENAME COLUMN close TO close_price;
