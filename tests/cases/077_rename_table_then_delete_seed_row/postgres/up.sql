-- - seed row currency (code=DEM)
--   data-loss: the row is deleted (and rows referencing it, if their foreign key cascades)
--   deletes the seed row code=DEM of currency
DELETE FROM public.currency WHERE code = 'DEM';

-- > table currency -> currencies
--   breaks-running-app: SQL that names currency stops working; deploy code that works with both names, or use a view with the old name during the switch
ALTER TABLE public.currency RENAME TO currencies;

-- > constraint currency_pkey -> currencies_pkey on currencies
ALTER TABLE public.currencies RENAME CONSTRAINT currency_pkey TO currencies_pkey;
