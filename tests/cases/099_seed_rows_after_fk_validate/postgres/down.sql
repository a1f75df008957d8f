-- undo ~ validate trades_venue_fkey on trades
--   nothing to undo: validating only checks the existing rows

-- undo + foreign key trades_venue_fkey on trades
ALTER TABLE public.trades DROP CONSTRAINT trades_venue_fkey;

-- undo + seed row venues (code=XNAS)
DELETE FROM public.venues WHERE code = 'XNAS';

-- undo + table venues
--   data-loss: drops table venues with every row written since it was created
DROP TABLE public.venues;
