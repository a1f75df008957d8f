-- undo ~ column jobs.kind: default
ALTER TABLE public.jobs ALTER COLUMN kind SET DEFAULT 'batch';

-- undo ~ column jobs.created_at: default
ALTER TABLE public.jobs ALTER COLUMN created_at SET DEFAULT now();
