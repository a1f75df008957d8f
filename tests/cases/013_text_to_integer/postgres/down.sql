-- undo ~ column imports.row_count: type text -> integer
ALTER TABLE public.imports ALTER COLUMN row_count TYPE text;
