-- undo + index orders_created_at_idx on orders
DROP INDEX CONCURRENTLY IF EXISTS public.orders_created_at_idx;
