-- - index orders_status_idx on orders
DROP INDEX public.orders_status_idx;
