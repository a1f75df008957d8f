-- undo ~ comment on table prices
COMMENT ON TABLE public.prices IS NULL;

-- undo ~ comment on column prices.close
COMMENT ON COLUMN public.prices.close IS NULL;

-- undo ~ comment on enum side
COMMENT ON TYPE public.side IS NULL;
