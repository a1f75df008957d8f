-- undo ~ column settings.config: default
ALTER TABLE public.settings ALTER COLUMN config DROP DEFAULT;

-- undo ~ column settings.tags: default
ALTER TABLE public.settings ALTER COLUMN tags DROP DEFAULT;

-- undo ~ column settings.retry_after: default
ALTER TABLE public.settings ALTER COLUMN retry_after DROP DEFAULT;

-- undo ~ column settings.mode: default
ALTER TABLE public.settings ALTER COLUMN mode DROP DEFAULT;
