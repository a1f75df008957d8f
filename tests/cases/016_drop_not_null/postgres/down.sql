-- undo ~ column positions.closed_at: nullable
--   fails if NULLs were written since
ALTER TABLE public.positions ALTER COLUMN closed_at SET NOT NULL;
