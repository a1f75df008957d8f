-- undo ~ column positions.symbol: NOT NULL
ALTER TABLE public.positions ALTER COLUMN symbol DROP NOT NULL;
ALTER TABLE public.positions DROP CONSTRAINT IF EXISTS positions_symbol_not_null_check;
