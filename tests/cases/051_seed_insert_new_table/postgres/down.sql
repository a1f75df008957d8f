-- undo + seed row currencies (code=EUR)
DELETE FROM public.currencies WHERE code = 'EUR';

-- undo + seed row currencies (code=JPY)
DELETE FROM public.currencies WHERE code = 'JPY';

-- undo + seed row currencies (code=USD)
DELETE FROM public.currencies WHERE code = 'USD';

-- undo + table currencies
--   data-loss: drops table currencies with every row written since it was created
DROP TABLE public.currencies;
