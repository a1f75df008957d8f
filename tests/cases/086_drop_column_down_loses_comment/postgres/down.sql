-- undo - column t.note
--   re-adds column t.note without its old values
ALTER TABLE public.t ADD COLUMN note text;
COMMENT ON COLUMN public.t.note IS 'free text';
