-- undo - enum side
CREATE TYPE public.side AS ENUM ('buy', 'sell');

-- undo ~ column trades.side: type side -> trade_side
--   converts back to side: values that do not fit make the rollback fail
ALTER TABLE public.trades ALTER COLUMN side TYPE public.side USING side::text::public.side;

-- undo + enum trade_side
DROP TYPE public.trade_side;
