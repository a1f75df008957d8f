-- undo ~ column stock.qty: type text -> integer
ALTER TABLE public.stock ALTER COLUMN qty DROP DEFAULT;
ALTER TABLE public.stock ALTER COLUMN qty TYPE text;
ALTER TABLE public.stock ALTER COLUMN qty SET DEFAULT '0';
