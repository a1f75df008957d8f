-- undo - index orders_status_idx on orders
CREATE INDEX orders_status_idx ON public.orders (status);
