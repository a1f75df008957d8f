-- ~ column jobs.scheduled_at: default
ALTER TABLE public.jobs ALTER COLUMN scheduled_at SET DEFAULT now();

-- ~ column jobs.priority: default
ALTER TABLE public.jobs ALTER COLUMN priority SET DEFAULT 10;
