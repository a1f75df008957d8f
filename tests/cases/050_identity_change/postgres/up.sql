-- ~ column events.id: identity none -> always
--   full-scan: reads id of every row of events to start the sequence after the largest value (one index lookup with an index on it)
--   breaks-running-app: an INSERT that gives id a value fails unless it says OVERRIDING SYSTEM VALUE
ALTER TABLE public.events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('public.events', 'id'), coalesce(max(id), 0) + 1, false) FROM public.events;
