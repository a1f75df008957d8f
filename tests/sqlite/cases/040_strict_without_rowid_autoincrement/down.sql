-- undo + table settings
--   data-loss: drops table settings with every row written since it was created
DROP TABLE settings;

-- undo + table events
--   data-loss: drops table events with every row written since it was created
DROP TABLE events;
