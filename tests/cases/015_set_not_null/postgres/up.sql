-- ~ column positions.symbol: NOT NULL
--   full-scan: every row of positions is checked under an ACCESS EXCLUSIVE lock; on a large table add CHECK (symbol IS NOT NULL) NOT VALID, VALIDATE it in a separate migration, then set NOT NULL
--   may-fail: fails if any row has NULL in symbol: backfill first
ALTER TABLE public.positions ALTER COLUMN symbol SET NOT NULL;
