-- undo + column orders.last_status
--   data-loss: loses the values of column orders.last_status
ALTER TABLE public.orders DROP COLUMN last_status;

-- undo + enum value order_status 'cancelled'
--   value 'cancelled' stays in enum order_status: PostgreSQL cannot remove an enum value (harmless while no row uses it)
