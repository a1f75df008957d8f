-- - foreign key orders_account_id_fkey on trading.orders
ALTER TABLE trading.orders DROP CONSTRAINT orders_account_id_fkey;

-- - table trading.accounts
--   data-loss: every row of trading.accounts is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads trading.accounts fails: deploy the code that stops using it first
--   loses every row of trading.accounts
DROP TABLE trading.accounts;

-- - table trading.orders
--   data-loss: every row of trading.orders is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads trading.orders fails: deploy the code that stops using it first
--   loses every row of trading.orders
DROP TABLE trading.orders;

-- - enum side
--   breaks-running-app: the running application can no longer use type side
DROP TYPE public.side;

-- - schema trading
DROP SCHEMA trading;
