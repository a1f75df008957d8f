-- undo ~ column settings.config: default none -> '{"mode": "auto"}'
ALTER TABLE public.settings ALTER COLUMN config DROP DEFAULT;

-- undo ~ column settings.tags: default none -> '{"a","b c"}'
ALTER TABLE public.settings ALTER COLUMN tags DROP DEFAULT;

-- undo ~ column settings.retry_after: default none -> '5 minutes'
ALTER TABLE public.settings ALTER COLUMN retry_after DROP DEFAULT;

-- undo ~ column settings.mode: default none -> 'it''s auto'
ALTER TABLE public.settings ALTER COLUMN mode DROP DEFAULT;
