-- undo ~ column jobs.kind: default 'batch' -> none
ALTER TABLE public.jobs ALTER COLUMN kind SET DEFAULT 'batch';

-- undo ~ column jobs.created_at: default now() -> none
ALTER TABLE public.jobs ALTER COLUMN created_at SET DEFAULT now();
