-- undo + column orders.currency
--   data-loss: loses the values of column orders.currency
ALTER TABLE public.orders DROP COLUMN currency;
