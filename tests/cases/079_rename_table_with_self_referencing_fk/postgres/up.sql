-- > table category -> categories
--   breaks-running-app: SQL that names category stops working; deploy code that works with both names, or use a view with the old name during the switch
ALTER TABLE public.category RENAME TO categories;

-- > constraint category_pkey -> categories_pkey on categories
ALTER TABLE public.categories RENAME CONSTRAINT category_pkey TO categories_pkey;

-- > constraint category_parent_id_fkey -> categories_parent_id_fkey on categories
ALTER TABLE public.categories RENAME CONSTRAINT category_parent_id_fkey TO categories_parent_id_fkey;
