-- undo > constraint category_parent_id_fkey -> categories_parent_id_fkey on categories
ALTER TABLE public.categories RENAME CONSTRAINT categories_parent_id_fkey TO category_parent_id_fkey;

-- undo > constraint category_pkey -> categories_pkey on categories
ALTER TABLE public.categories RENAME CONSTRAINT categories_pkey TO category_pkey;

-- undo > table category -> categories
ALTER TABLE public.categories RENAME TO category;
