-- ~ column positions.symbol: NOT NULL
--   full-scan: VALIDATE reads every row of positions under SHARE UPDATE EXCLUSIVE, so reads and writes go on; SET NOT NULL then takes ACCESS EXCLUSIVE only briefly, since the validated check proves there is no NULL
--   may-fail: stops at the VALIDATE if a row has NULL in symbol (also one the application wrote meanwhile): fix the rows and `schemac apply --resume`
--   runs outside a transaction block (schemac diff puts it in a file of its own)
ALTER TABLE public.positions ADD CONSTRAINT positions_symbol_not_null_check CHECK (symbol IS NOT NULL) NOT VALID;
ALTER TABLE public.positions VALIDATE CONSTRAINT positions_symbol_not_null_check;
ALTER TABLE public.positions ALTER COLUMN symbol SET NOT NULL;
ALTER TABLE public.positions DROP CONSTRAINT positions_symbol_not_null_check;
