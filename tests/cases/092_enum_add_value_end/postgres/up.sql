-- + enum value order_status 'cancelled'
--   runs outside a transaction block (schemac diff puts it in a file of its own)
ALTER TYPE public.order_status ADD VALUE IF NOT EXISTS 'cancelled';

-- + enum value order_status 'expired'
--   runs outside a transaction block (schemac diff puts it in a file of its own)
ALTER TYPE public.order_status ADD VALUE IF NOT EXISTS 'expired';
