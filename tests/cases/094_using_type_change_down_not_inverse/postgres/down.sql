-- undo ~ column events.happened_at: type text -> timestamptz
--   data-loss: converts back with a plain cast: the using expression (to_timestamp(happened_at, 'YYYY-MM-DD HH24:MI:SS')) has no automatic inverse, so values may change or fail to convert
ALTER TABLE public.events ALTER COLUMN happened_at TYPE text;

-- undo ~ column events.amount_cents: type integer -> numeric(12,2)
--   data-loss: converts back with a plain cast: the using expression (amount_cents / 100.0) has no automatic inverse, so values may change or fail to convert
ALTER TABLE public.events ALTER COLUMN amount_cents TYPE integer;
