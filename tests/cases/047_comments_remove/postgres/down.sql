-- undo ~ comment on table prices
COMMENT ON TABLE public.prices IS 'Daily bars';

-- undo ~ comment on column prices.close
COMMENT ON COLUMN public.prices.close IS 'Close';
