-- undo + foreign key categories_parent_id_fkey on categories
ALTER TABLE public.categories DROP CONSTRAINT categories_parent_id_fkey;

-- undo + table categories
--   data-loss: drops table categories with every row written since it was created
DROP TABLE public.categories;
