-- undo > index orders_status_idx -> idx_orders_status
ALTER INDEX public.idx_orders_status RENAME TO orders_status_idx;
