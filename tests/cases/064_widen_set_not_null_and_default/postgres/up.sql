-- ~ column t.code: type varchar(10) -> varchar(30)
ALTER TABLE public.t ALTER COLUMN code TYPE varchar(30);
ALTER TABLE public.t ALTER COLUMN code SET DEFAULT 'none';

-- ~ column t.code: NOT NULL
--   full-scan: every row of t is checked under an ACCESS EXCLUSIVE lock; on a large table add CHECK (code IS NOT NULL) NOT VALID, VALIDATE it in a separate migration, then set NOT NULL
--   may-fail: fails if any row has NULL in code: backfill first
ALTER TABLE public.t ALTER COLUMN code SET NOT NULL;
