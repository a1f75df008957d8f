-- ~ column fx.rate: type numeric(12,6) -> numeric(12,2)
--   table-rewrite: changing rate from numeric(12,6) to numeric(12,2) rewrites fx and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
--   data-loss: values of rate are rounded to 2 decimal places; values with too many digits before the point make the migration fail
ALTER TABLE public.fx ALTER COLUMN rate TYPE numeric(12,2);
