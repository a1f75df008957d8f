-- - index orders_status_idx on orders
--   runs outside a transaction block (schemac diff puts it in a file of its own)
DROP INDEX CONCURRENTLY IF EXISTS public.orders_status_idx;
