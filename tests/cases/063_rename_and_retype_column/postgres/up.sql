-- > column t.qty -> quantity
--   breaks-running-app: SQL that names qty stops working; deploy code that copes with both names first
ALTER TABLE public.t RENAME COLUMN qty TO quantity;

-- ~ column t.quantity: type integer -> bigint
--   table-rewrite: changing quantity from integer to bigint rewrites t and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
ALTER TABLE public.t ALTER COLUMN quantity TYPE bigint;
ALTER TABLE public.t ALTER COLUMN quantity SET DEFAULT 0;

-- ~ column t.quantity: nullable
ALTER TABLE public.t ALTER COLUMN quantity DROP NOT NULL;

-- ~ comment on column t.quantity
COMMENT ON COLUMN public.t.quantity IS 'units';
