-- undo + seed row currencies (code=GBP)
DELETE FROM public.currencies WHERE code = 'GBP';

-- undo ~ seed row currencies (code=JPY)
UPDATE public.currencies SET name = 'Yen' WHERE code = 'JPY';

-- undo - seed row currencies (code=DEM)
INSERT INTO public.currencies (code, name) VALUES ('DEM', 'Deutsche Mark') ON CONFLICT (code) DO NOTHING;
