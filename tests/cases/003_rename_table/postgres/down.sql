-- undo > table customer -> customers
ALTER TABLE public.customers RENAME TO customer;
