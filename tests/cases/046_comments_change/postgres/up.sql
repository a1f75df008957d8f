-- ~ comment on column prices.close
COMMENT ON COLUMN public.prices.close IS 'Closing price';

-- ~ comment on table prices
COMMENT ON TABLE public.prices IS 'Daily OHLCV bars per symbol (it''s adjusted)';
