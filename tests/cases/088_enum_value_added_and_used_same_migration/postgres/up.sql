-- + enum value order_status 'cancelled'
--   runs outside a transaction block (schemac diff puts it in a file of its own)
ALTER TYPE public.order_status ADD VALUE IF NOT EXISTS 'cancelled';

-- + column orders.last_status
ALTER TABLE public.orders ADD COLUMN last_status public.order_status NOT NULL DEFAULT 'cancelled';
