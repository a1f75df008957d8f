-- undo > index orders_placed_at_idx -> purchases_placed_at_idx
ALTER INDEX public.purchases_placed_at_idx RENAME TO orders_placed_at_idx;

-- undo > constraint orders_amount_check -> purchases_amount_check on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT purchases_amount_check TO orders_amount_check;

-- undo > constraint orders_customer_id_fkey -> purchases_customer_id_fkey on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT purchases_customer_id_fkey TO orders_customer_id_fkey;

-- undo > constraint orders_reference_key -> purchases_reference_key on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT purchases_reference_key TO orders_reference_key;

-- undo > constraint orders_pkey -> purchases_pkey on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT purchases_pkey TO orders_pkey;

-- undo > sequence orders_id_seq -> purchases_id_seq
ALTER SEQUENCE public.purchases_id_seq RENAME TO orders_id_seq;

-- undo > table orders -> purchases
ALTER TABLE public.purchases RENAME TO orders;
