-- undo > constraint customer_pkey -> customers_pkey on customers
ALTER TABLE public.customers RENAME CONSTRAINT customers_pkey TO customer_pkey;

-- undo > table customer -> customers
ALTER TABLE public.customers RENAME TO customer;
