-- undo ~ column imports.batch_code: type varchar(20) -> integer
--   data-loss: converts back with a plain cast: the using expression (trim(batch_code)::integer) has no automatic inverse, so values may change or fail to convert
ALTER TABLE public.imports ALTER COLUMN batch_code TYPE varchar(20);
