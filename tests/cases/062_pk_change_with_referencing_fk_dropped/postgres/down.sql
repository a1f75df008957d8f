-- undo + primary key a (id, code)
ALTER TABLE public.a DROP CONSTRAINT a_pkey;

-- undo - primary key a
ALTER TABLE public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id);

-- undo - foreign key b_a_id_fkey on b
ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a;
