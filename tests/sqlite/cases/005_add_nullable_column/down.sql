-- undo + column trades.price
--   data-loss: loses the values of column trades.price
ALTER TABLE trades DROP COLUMN price;
