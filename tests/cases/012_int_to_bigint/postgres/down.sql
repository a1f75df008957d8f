-- undo ~ column trades.quantity: type integer -> bigint
--   converts back to integer: values that do not fit make the rollback fail
ALTER TABLE public.trades ALTER COLUMN quantity TYPE integer;

-- undo ~ column trades.id: type integer -> bigint
--   converts back to integer: values that do not fit make the rollback fail
ALTER TABLE public.trades ALTER COLUMN id TYPE integer;
