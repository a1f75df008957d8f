-- undo - index orders_status_idx on orders
CREATE INDEX CONCURRENTLY orders_status_idx ON public.orders (status);
