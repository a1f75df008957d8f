-- undo + table flags
--   data-loss: drops table flags with every row written since it was created
DROP TABLE public.flags;
