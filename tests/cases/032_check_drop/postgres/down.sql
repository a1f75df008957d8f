-- undo - check ck_discount_le_price on products
ALTER TABLE public.products ADD CONSTRAINT ck_discount_le_price CHECK (discount <= price);
