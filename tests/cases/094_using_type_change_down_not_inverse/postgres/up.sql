-- ~ column events.amount_cents: type integer -> numeric(12,2)
--   table-rewrite: changing amount_cents from integer to numeric(12,2) rewrites events and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
--   may-fail: values of amount_cents that do not fit numeric(12,2) make the migration fail
--   data-loss: the values of amount_cents are rewritten by the using expression (amount_cents / 100.0); the rollback cannot recompute the originals
ALTER TABLE public.events ALTER COLUMN amount_cents TYPE numeric(12,2) USING amount_cents / 100.0;

-- ~ column events.happened_at: type text -> timestamptz
--   table-rewrite: changing happened_at from text to timestamptz rewrites events and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
--   may-fail: values of happened_at that do not fit timestamptz make the migration fail
--   data-loss: the values of happened_at are rewritten by the using expression (to_timestamp(happened_at, 'YYYY-MM-DD HH24:MI:SS')); the rollback cannot recompute the originals
ALTER TABLE public.events ALTER COLUMN happened_at TYPE timestamptz USING to_timestamp(happened_at, 'YYYY-MM-DD HH24:MI:SS');
