-- ~ column trades.id: type integer -> bigint
--   table-rewrite: changing id from integer to bigint rewrites trades and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
ALTER TABLE public.trades ALTER COLUMN id TYPE bigint;

-- ~ column trades.quantity: type integer -> bigint
--   table-rewrite: changing quantity from integer to bigint rewrites trades and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
ALTER TABLE public.trades ALTER COLUMN quantity TYPE bigint;
