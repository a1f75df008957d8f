-- schemac migration 0001 down: create_orders
-- message: create orders
-- created: 2026-11-21 by schemac 0.1.0 from tests/consumer/schema (generated; do not edit, see schemac.sum)

-- undo + index orders_symbol_placed_at_idx on shop.orders
DROP INDEX shop.orders_symbol_placed_at_idx;

-- undo + table shop.orders
--   data-loss: drops table shop.orders with every row written since it was created
DROP TABLE shop.orders;

-- undo + table shop.audit_log
--   data-loss: drops table shop.audit_log with every row written since it was created
DROP TABLE shop.audit_log;

-- undo + enum shop.order_status
DROP TYPE shop.order_status;

-- undo + schema shop
DROP SCHEMA shop;
