-- - foreign key books_author_id_fkey on books
ALTER TABLE public.books DROP CONSTRAINT books_author_id_fkey;
