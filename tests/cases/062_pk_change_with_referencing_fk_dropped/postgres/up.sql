-- - foreign key b_a_id_fkey on b
ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;

-- - primary key a
ALTER TABLE public.a DROP CONSTRAINT a_pkey;

-- + primary key a (id, code)
--   exclusive-lock: the primary key's index is built while a is locked against writes (it replaces the old one in the same transaction)
--   may-fail: fails if existing rows have duplicates (or NULLs, for a primary key)
ALTER TABLE public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id, code);
