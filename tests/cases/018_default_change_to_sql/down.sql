-- undo ~ column jobs.priority: default
ALTER TABLE public.jobs ALTER COLUMN priority SET DEFAULT 5;

-- undo ~ column jobs.scheduled_at: default
ALTER TABLE public.jobs ALTER COLUMN scheduled_at SET DEFAULT '2024-01-01 00:00:00+00';
