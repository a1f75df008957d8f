-- undo ~ column positions.symbol: NOT NULL
ALTER TABLE public.positions ALTER COLUMN symbol DROP NOT NULL;
