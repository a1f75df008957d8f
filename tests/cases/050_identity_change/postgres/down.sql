-- undo ~ column events.id: identity none -> always
ALTER TABLE public.events ALTER COLUMN id DROP IDENTITY;
