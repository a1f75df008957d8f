-- + column prices.adjusted_close
ALTER TABLE public.prices ADD COLUMN adjusted_close numeric(10,2);

-- ~ backfill prices.adjusted_close
--   full-scan: updates every existing row of prices in batches (10,000 rows along its primary key), each committed on its own, so no lock is held between batches; a rerun continues with the rows still NULL
--   full-scan: VALIDATE reads every row of prices under SHARE UPDATE EXCLUSIVE, so reads and writes go on; SET NOT NULL then takes ACCESS EXCLUSIVE only briefly, since the validated check proves there is no NULL
--   may-fail: stops at the VALIDATE if a row has NULL in adjusted_close (also one the application wrote meanwhile): fix the rows and `schemac apply --resume`
--   runs outside a transaction block (schemac diff puts it in a file of its own)
DO $schemac$
#variable_conflict error
<<schemac_batch>>
DECLARE
    lo_1 public.prices.id%TYPE;
    hi_1 public.prices.id%TYPE;
    more boolean;
BEGIN
    SELECT id INTO schemac_batch.lo_1 FROM public.prices ORDER BY id LIMIT 1;
    schemac_batch.more := FOUND;
    WHILE schemac_batch.more LOOP
        SELECT id INTO schemac_batch.hi_1 FROM public.prices WHERE (id) >= (schemac_batch.lo_1) ORDER BY id OFFSET 10000 LIMIT 1;
        schemac_batch.more := FOUND;
        IF schemac_batch.more THEN
            UPDATE public.prices SET adjusted_close = (
                close
            )
            WHERE adjusted_close IS NULL AND (id) >= (schemac_batch.lo_1) AND (id) < (schemac_batch.hi_1);
        ELSE
            UPDATE public.prices SET adjusted_close = (
                close
            )
            WHERE adjusted_close IS NULL AND (id) >= (schemac_batch.lo_1);
        END IF;
        COMMIT;
        schemac_batch.lo_1 := schemac_batch.hi_1;
    END LOOP;
END
$schemac$;
ALTER TABLE public.prices ADD CONSTRAINT prices_adjusted_close_not_null_check CHECK (adjusted_close IS NOT NULL) NOT VALID;
ALTER TABLE public.prices VALIDATE CONSTRAINT prices_adjusted_close_not_null_check;
ALTER TABLE public.prices ALTER COLUMN adjusted_close SET NOT NULL;
ALTER TABLE public.prices DROP CONSTRAINT prices_adjusted_close_not_null_check;
