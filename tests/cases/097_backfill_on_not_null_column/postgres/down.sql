-- undo ~ backfill prices.adjusted_close
--   nothing to undo here: the column's own reverse drops it

-- undo + column prices.adjusted_close
--   data-loss: loses the values of column prices.adjusted_close
ALTER TABLE public.prices DROP COLUMN adjusted_close;
