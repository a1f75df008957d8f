-- > index orders_status_idx -> idx_orders_status
ALTER INDEX public.orders_status_idx RENAME TO idx_orders_status;
