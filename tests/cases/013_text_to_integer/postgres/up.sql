-- ~ column imports.row_count: type text -> integer
--   table-rewrite: changing row_count from text to integer rewrites imports and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
--   may-fail: values of row_count that do not fit integer make the migration fail
ALTER TABLE public.imports ALTER COLUMN row_count TYPE integer USING row_count::integer;
