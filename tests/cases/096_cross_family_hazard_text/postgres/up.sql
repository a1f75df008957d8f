-- ~ column t.at: type timestamp -> timestamptz
ALTER TABLE public.t ALTER COLUMN at TYPE timestamptz;
