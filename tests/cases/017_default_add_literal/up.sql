-- ~ column settings.mode: default
ALTER TABLE public.settings ALTER COLUMN mode SET DEFAULT 'it''s auto';

-- ~ column settings.retry_after: default
ALTER TABLE public.settings ALTER COLUMN retry_after SET DEFAULT '5 minutes';

-- ~ column settings.tags: default
ALTER TABLE public.settings ALTER COLUMN tags SET DEFAULT '{"a","b c"}';

-- ~ column settings.config: default
ALTER TABLE public.settings ALTER COLUMN config SET DEFAULT '{"mode": "auto"}';
