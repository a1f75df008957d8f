-- ~ comment on column prices.close
COMMENT ON COLUMN public.prices.close IS NULL;

-- ~ comment on table prices
COMMENT ON TABLE public.prices IS NULL;
