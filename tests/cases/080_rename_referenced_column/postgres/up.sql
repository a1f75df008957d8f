-- > column customers.id -> customer_id
--   breaks-running-app: SQL that names id stops working; deploy code that copes with both names first
ALTER TABLE public.customers RENAME COLUMN id TO customer_id;
