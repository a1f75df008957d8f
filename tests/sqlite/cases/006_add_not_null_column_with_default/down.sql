-- undo + column trades.fee
--   data-loss: loses the values of column trades.fee
ALTER TABLE trades DROP COLUMN fee;
