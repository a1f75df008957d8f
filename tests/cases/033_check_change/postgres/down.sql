-- undo ~ validate ck_price_positive on products
--   nothing to undo: validating only checks the existing rows

-- undo + check ck_price_positive on products
ALTER TABLE public.products DROP CONSTRAINT ck_price_positive;

-- undo - check ck_price_positive on products
ALTER TABLE public.products ADD CONSTRAINT ck_price_positive CHECK (price > 0);
