-- undo ~ column events.id: type serial -> bigserial
--   converts back to serial: values that do not fit make the rollback fail
ALTER TABLE public.events ALTER COLUMN id TYPE integer;
ALTER SEQUENCE public.events_id_seq AS integer;
