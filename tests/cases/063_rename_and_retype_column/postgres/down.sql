-- undo ~ comment on column t.quantity
COMMENT ON COLUMN public.t.quantity IS NULL;

-- undo ~ column t.quantity: nullable
--   fails if NULLs were written since
ALTER TABLE public.t ALTER COLUMN quantity SET NOT NULL;

-- undo ~ column t.quantity: type integer -> bigint
--   converts back to integer: values that do not fit make the rollback fail
ALTER TABLE public.t ALTER COLUMN quantity DROP DEFAULT;
ALTER TABLE public.t ALTER COLUMN quantity TYPE integer;

-- undo > column t.qty -> quantity
ALTER TABLE public.t RENAME COLUMN quantity TO qty;
