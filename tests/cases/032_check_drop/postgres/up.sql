-- - check ck_discount_le_price on products
ALTER TABLE public.products DROP CONSTRAINT ck_discount_le_price;
