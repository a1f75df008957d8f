-- undo + table events
--   data-loss: drops table events with every row written since it was created
DROP TABLE public.events;
