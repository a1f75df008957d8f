-- undo > column customers.id -> customer_id
ALTER TABLE public.customers RENAME COLUMN customer_id TO id;
