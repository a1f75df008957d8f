-- - seed row currencies (code=DEM)
--   data-loss: the row is deleted (and rows referencing it, if their foreign key cascades)
--   deletes the seed row code=DEM of currencies
DELETE FROM public.currencies WHERE code = 'DEM';

-- ~ seed row currencies (code=JPY)
UPDATE public.currencies SET name = 'Japanese Yen' WHERE code = 'JPY';

-- + seed row currencies (code=GBP)
INSERT INTO public.currencies (code, name) VALUES ('GBP', 'Pound Sterling') ON CONFLICT (code) DO NOTHING;
