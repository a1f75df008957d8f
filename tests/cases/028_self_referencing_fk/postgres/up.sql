-- + table categories
CREATE TABLE public.categories (
    id serial NOT NULL,
    name text NOT NULL,
    parent_id integer,
    CONSTRAINT categories_pkey PRIMARY KEY (id)
);

-- + foreign key categories_parent_id_fkey on categories
ALTER TABLE public.categories ADD CONSTRAINT categories_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.categories (id) ON DELETE SET NULL;
