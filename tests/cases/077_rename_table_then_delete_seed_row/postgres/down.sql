-- undo > constraint currency_pkey -> currencies_pkey on currencies
ALTER TABLE public.currencies RENAME CONSTRAINT currencies_pkey TO currency_pkey;

-- undo > table currency -> currencies
ALTER TABLE public.currencies RENAME TO currency;

-- undo - seed row currency (code=DEM)
INSERT INTO public.currency (code) VALUES ('DEM') ON CONFLICT (code) DO NOTHING;
