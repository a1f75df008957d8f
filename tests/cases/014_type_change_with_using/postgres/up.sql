-- ~ column imports.batch_code: type varchar(20) -> integer
--   table-rewrite: changing batch_code from varchar(20) to integer rewrites imports and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
--   may-fail: values of batch_code that do not fit integer make the migration fail
--   data-loss: the values of batch_code are rewritten by the using expression (trim(batch_code)::integer); the rollback cannot recompute the originals
ALTER TABLE public.imports ALTER COLUMN batch_code TYPE integer USING trim(batch_code)::integer;
