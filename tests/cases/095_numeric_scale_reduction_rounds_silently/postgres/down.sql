-- undo ~ column fx.rate: type numeric(12,6) -> numeric(12,2)
--   data-loss: converts back to numeric(12,6): values that do not fit make the rollback fail, extra decimals are rounded
ALTER TABLE public.fx ALTER COLUMN rate TYPE numeric(12,6);
