-- undo - enum side
CREATE TYPE public.side AS ENUM ('buy', 'sell');

-- undo ~ column trades.side: type side -> text
--   converts back to side: values that do not fit make the rollback fail
ALTER TABLE public.trades ALTER COLUMN side DROP DEFAULT;
ALTER TABLE public.trades ALTER COLUMN side TYPE public.side USING side::public.side;
ALTER TABLE public.trades ALTER COLUMN side SET DEFAULT 'buy';
