-- ~ column t.code: type varchar(10) -> varchar(30)
ALTER TABLE public.t ALTER COLUMN code TYPE varchar(30);
ALTER TABLE public.t ALTER COLUMN code SET DEFAULT 'none';

-- ~ column t.code: NOT NULL
--   full-scan: VALIDATE reads every row of t under SHARE UPDATE EXCLUSIVE, so reads and writes go on; SET NOT NULL then takes ACCESS EXCLUSIVE only briefly, since the validated check proves there is no NULL
--   may-fail: stops at the VALIDATE if a row has NULL in code (also one the application wrote meanwhile): fix the rows and `schemac apply --resume`
--   runs outside a transaction block (schemac diff puts it in a file of its own)
ALTER TABLE public.t ADD CONSTRAINT t_code_not_null_check CHECK (code IS NOT NULL) NOT VALID;
ALTER TABLE public.t VALIDATE CONSTRAINT t_code_not_null_check;
ALTER TABLE public.t ALTER COLUMN code SET NOT NULL;
ALTER TABLE public.t DROP CONSTRAINT t_code_not_null_check;
