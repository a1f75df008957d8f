-- undo + hypertable market_data
--   nothing to undo here: the table's own reverse drops it

-- undo + table market_data
--   data-loss: drops table market_data with every row written since it was created
DROP TABLE public.market_data;
