-- + column prices.adjusted_close
ALTER TABLE public.prices ADD COLUMN adjusted_close numeric(10,2);

-- ~ backfill prices.adjusted_close
--   full-scan: updates every existing row of prices in batches (10,000 rows along its primary key), each committed on its own, so no lock is held between batches; a rerun continues with the rows still NULL
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
