-- undo + enum value order_status 'expired'
--   value 'expired' stays in enum order_status: PostgreSQL cannot remove an enum value (harmless while no row uses it)

-- undo + enum value order_status 'cancelled'
--   value 'cancelled' stays in enum order_status: PostgreSQL cannot remove an enum value (harmless while no row uses it)
