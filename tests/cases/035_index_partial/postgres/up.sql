-- + index orders_created_at_idx on orders
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE INDEX CONCURRENTLY orders_created_at_idx ON public.orders (created_at) WHERE status = 'pending';
