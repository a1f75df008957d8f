-- ~ comment on enum side
COMMENT ON TYPE public.side IS 'Direction of a trade';

-- ~ comment on column prices.close
COMMENT ON COLUMN public.prices.close IS 'Closing price, in the quote currency';

-- ~ comment on table prices
COMMENT ON TABLE public.prices IS 'Daily OHLCV bars per symbol';
