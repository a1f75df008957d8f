-- undo > constraint a_code_key -> uq_a_code on a
ALTER TABLE public.a RENAME CONSTRAINT uq_a_code TO a_code_key;
