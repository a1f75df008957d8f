-- + enum trade_side
CREATE TYPE public.trade_side AS ENUM ('buy', 'sell', 'short');

-- ~ column trades.side: type side -> trade_side
--   table-rewrite: changing side from side to trade_side rewrites trades and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
--   may-fail: values of side that do not fit trade_side make the migration fail
ALTER TABLE public.trades ALTER COLUMN side TYPE public.trade_side USING side::text::public.trade_side;

-- - enum side
--   breaks-running-app: the running application can no longer use type side
DROP TYPE public.side;
