-- ~ column settings.mode: default none -> 'it''s auto'
ALTER TABLE public.settings ALTER COLUMN mode SET DEFAULT 'it''s auto';

-- ~ column settings.retry_after: default none -> '5 minutes'
ALTER TABLE public.settings ALTER COLUMN retry_after SET DEFAULT '5 minutes';

-- ~ column settings.tags: default none -> '{"a","b c"}'
ALTER TABLE public.settings ALTER COLUMN tags SET DEFAULT '{"a","b c"}';

-- ~ column settings.config: default none -> '{"mode": "auto"}'
ALTER TABLE public.settings ALTER COLUMN config SET DEFAULT '{"mode": "auto"}';
