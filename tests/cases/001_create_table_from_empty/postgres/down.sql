-- undo ~ comment on column prices.volume
COMMENT ON COLUMN public.prices.volume IS NULL;

-- undo ~ comment on table prices
COMMENT ON TABLE public.prices IS NULL;

-- undo + table prices
--   data-loss: drops table prices with every row written since it was created
DROP TABLE public.prices;
