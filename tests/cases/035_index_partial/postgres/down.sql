-- undo + index orders_created_at_idx on orders
DROP INDEX public.orders_created_at_idx;
