-- undo + column orders.allowed
--   data-loss: loses the values of column orders.allowed
ALTER TABLE public.orders DROP COLUMN allowed;

-- undo + column orders.history
--   data-loss: loses the values of column orders.history
ALTER TABLE public.orders DROP COLUMN history;

-- undo + column orders.status
--   data-loss: loses the values of column orders.status
ALTER TABLE public.orders DROP COLUMN status;
