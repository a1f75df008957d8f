-- - index orders_legacy_idx on orders
--   runs outside a transaction block (schemac diff puts it in a file of its own)
DROP INDEX CONCURRENTLY IF EXISTS public.orders_legacy_idx;

-- - column orders.legacy
--   data-loss: the values of orders.legacy are deleted
--   breaks-running-app: a running application that still reads legacy fails: deploy the code that stops using it first
--   loses every value of column orders.legacy
ALTER TABLE public.orders DROP COLUMN legacy;

-- > table orders -> purchases
--   breaks-running-app: SQL that names orders stops working; deploy code that works with both names, or use a view with the old name during the switch
ALTER TABLE public.orders RENAME TO purchases;

-- > constraint orders_pkey -> purchases_pkey on purchases
ALTER TABLE public.purchases RENAME CONSTRAINT orders_pkey TO purchases_pkey;
