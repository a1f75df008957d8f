-- undo > constraint orders_pkey -> purchases_pkey on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT purchases_pkey TO orders_pkey;

-- undo > table orders -> purchases
ALTER TABLE public.purchases RENAME TO orders;

-- undo - column orders.legacy
--   re-adds column orders.legacy without its old values
ALTER TABLE public.orders ADD COLUMN legacy integer;

-- undo - index orders_legacy_idx on orders
CREATE INDEX CONCURRENTLY orders_legacy_idx ON public.orders (legacy);
