-- + enum value signal_side 'hold'
--   runs outside a transaction block (schemac diff puts it in a file of its own)
ALTER TYPE public.signal_side ADD VALUE IF NOT EXISTS 'hold' BEFORE 'sell';
