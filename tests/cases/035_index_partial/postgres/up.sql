-- + index orders_created_at_idx on orders
--   exclusive-lock: writes to orders wait while the index builds; set concurrently: true to build it without blocking writes
CREATE INDEX orders_created_at_idx ON public.orders (created_at) WHERE status = 'pending';
