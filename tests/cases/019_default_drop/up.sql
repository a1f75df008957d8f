-- ~ column jobs.created_at: default
ALTER TABLE public.jobs ALTER COLUMN created_at DROP DEFAULT;

-- ~ column jobs.kind: default
ALTER TABLE public.jobs ALTER COLUMN kind DROP DEFAULT;
