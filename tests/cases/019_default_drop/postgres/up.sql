-- ~ column jobs.created_at: default now() -> none
ALTER TABLE public.jobs ALTER COLUMN created_at DROP DEFAULT;

-- ~ column jobs.kind: default 'batch' -> none
ALTER TABLE public.jobs ALTER COLUMN kind DROP DEFAULT;
