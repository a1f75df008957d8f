-- undo + seed row venues (id=x1)
DELETE FROM venues WHERE id = 'x1';

-- undo + seed row trades (id=2)
DELETE FROM trades WHERE id = 2;

-- undo + seed row trades (id=1)
DELETE FROM trades WHERE id = 1;

-- undo + table venues
--   data-loss: drops table venues with every row written since it was created
DROP TABLE venues;

-- undo + table trades
--   data-loss: drops table trades with every row written since it was created
DROP TABLE trades;
