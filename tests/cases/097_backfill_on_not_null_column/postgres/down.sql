-- undo ~ backfill prices.adjusted_close
--   undoes the NOT NULL only: the column's own reverse drops it with its values
ALTER TABLE public.prices ALTER COLUMN adjusted_close DROP NOT NULL;
ALTER TABLE public.prices DROP CONSTRAINT IF EXISTS prices_adjusted_close_not_null_check;

-- undo + column prices.adjusted_close
--   data-loss: loses the values of column prices.adjusted_close
ALTER TABLE public.prices DROP COLUMN adjusted_close;
