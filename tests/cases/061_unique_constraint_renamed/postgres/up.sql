-- > constraint a_code_key -> uq_a_code on a
ALTER TABLE public.a RENAME CONSTRAINT a_code_key TO uq_a_code;
