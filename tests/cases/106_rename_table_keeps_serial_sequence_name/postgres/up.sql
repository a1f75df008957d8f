-- > table orders -> purchases
--   breaks-running-app: SQL that names orders stops working; deploy code that works with both names, or use a view with the old name during the switch
ALTER TABLE public.orders RENAME TO purchases;

-- > sequence orders_id_seq -> purchases_id_seq
ALTER SEQUENCE public.orders_id_seq RENAME TO purchases_id_seq;

-- > constraint orders_pkey -> purchases_pkey on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT orders_pkey TO purchases_pkey;

-- > constraint orders_reference_key -> purchases_reference_key on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT orders_reference_key TO purchases_reference_key;

-- > constraint orders_customer_id_fkey -> purchases_customer_id_fkey on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT orders_customer_id_fkey TO purchases_customer_id_fkey;

-- > constraint orders_amount_check -> purchases_amount_check on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT orders_amount_check TO purchases_amount_check;

-- > index orders_placed_at_idx -> purchases_placed_at_idx
ALTER INDEX public.orders_placed_at_idx RENAME TO purchases_placed_at_idx;
