-- ~ column stock.qty: type text -> integer
--   table-rewrite: changing qty from text to integer rewrites stock and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
--   may-fail: values of qty that do not fit integer make the migration fail
ALTER TABLE public.stock ALTER COLUMN qty DROP DEFAULT;
ALTER TABLE public.stock ALTER COLUMN qty TYPE integer USING qty::integer;
ALTER TABLE public.stock ALTER COLUMN qty SET DEFAULT 0;
