-- undo + table trades
--   data-loss: drops table trades with every row written since it was created
DROP TABLE trades;

-- undo + table accounts
--   data-loss: drops table accounts with every row written since it was created
DROP TABLE accounts;
