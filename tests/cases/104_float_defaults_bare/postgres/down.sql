-- undo + table readings
--   data-loss: drops table readings with every row written since it was created
DROP TABLE public.readings;
