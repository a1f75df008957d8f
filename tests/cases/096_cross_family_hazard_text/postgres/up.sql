-- ~ column t.at: type timestamp -> timestamptz
--   table-rewrite: changing at from timestamp to timestamptz rewrites t and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
ALTER TABLE public.t ALTER COLUMN at TYPE timestamptz;
