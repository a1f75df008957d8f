-- ~ column jobs.scheduled_at: default '2024-01-01 00:00:00+00' -> now()
ALTER TABLE public.jobs ALTER COLUMN scheduled_at SET DEFAULT now();

-- ~ column jobs.priority: default 5 -> 10
ALTER TABLE public.jobs ALTER COLUMN priority SET DEFAULT 10;
