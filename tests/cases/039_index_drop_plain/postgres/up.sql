-- - index orders_status_idx on orders
--   exclusive-lock: DROP INDEX locks orders (ACCESS EXCLUSIVE): its reads and writes wait, also behind any long transaction on it; set concurrently: true to drop it without blocking them
DROP INDEX public.orders_status_idx;
