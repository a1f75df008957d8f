-- ~ column positions.closed_at: nullable
ALTER TABLE public.positions ALTER COLUMN closed_at DROP NOT NULL;
