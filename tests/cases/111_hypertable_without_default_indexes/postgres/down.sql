-- undo + hypertable events
--   nothing to undo here: the table's own reverse drops it

-- undo + table events
--   data-loss: drops table events with every row written since it was created
DROP TABLE public.events;
