-- ~ column trades.side: type side -> text
--   table-rewrite: changing side from side to text rewrites trades and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
ALTER TABLE public.trades ALTER COLUMN side DROP DEFAULT;
ALTER TABLE public.trades ALTER COLUMN side TYPE text;
ALTER TABLE public.trades ALTER COLUMN side SET DEFAULT 'buy';

-- - enum side
--   breaks-running-app: the running application can no longer use type side
DROP TYPE public.side;
