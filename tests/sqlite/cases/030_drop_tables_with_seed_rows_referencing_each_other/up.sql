-- - table accounts
--   data-loss: every row of accounts is deleted; back up the database file first
--   breaks-running-app: a running application that still reads accounts fails: deploy the code that stops using it first
--   loses every row of accounts
DROP TABLE accounts;

-- - table trades
--   data-loss: every row of trades is deleted; back up the database file first
--   breaks-running-app: a running application that still reads trades fails: deploy the code that stops using it first
--   loses every row of trades
DROP TABLE trades;
