-- undo + foreign key order_lines_order_id_fkey on order_lines
ALTER TABLE public.order_lines DROP CONSTRAINT order_lines_order_id_fkey;

-- undo + foreign key orders_customer_id_fkey on orders
ALTER TABLE public.orders DROP CONSTRAINT orders_customer_id_fkey;

-- undo + table order_lines
--   data-loss: drops table order_lines with every row written since it was created
DROP TABLE public.order_lines;

-- undo + table orders
--   data-loss: drops table orders with every row written since it was created
DROP TABLE public.orders;

-- undo + table customers
--   data-loss: drops table customers with every row written since it was created
DROP TABLE public.customers;
