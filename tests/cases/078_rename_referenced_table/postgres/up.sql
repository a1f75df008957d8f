-- > table customer -> customers
--   breaks-running-app: SQL that names customer stops working; deploy code that works with both names, or use a view with the old name during the switch
ALTER TABLE public.customer RENAME TO customers;

-- > constraint customer_pkey -> customers_pkey on customers
ALTER TABLE public.customers RENAME CONSTRAINT customer_pkey TO customers_pkey;
