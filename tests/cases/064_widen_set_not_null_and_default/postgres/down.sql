-- undo ~ column t.code: NOT NULL
ALTER TABLE public.t ALTER COLUMN code DROP NOT NULL;
ALTER TABLE public.t DROP CONSTRAINT IF EXISTS t_code_not_null_check;

-- undo ~ column t.code: type varchar(10) -> varchar(30)
--   converts back to varchar(10): values that do not fit make the rollback fail
ALTER TABLE public.t ALTER COLUMN code DROP DEFAULT;
ALTER TABLE public.t ALTER COLUMN code TYPE varchar(10);
