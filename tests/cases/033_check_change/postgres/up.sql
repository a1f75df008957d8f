-- - check ck_price_positive on products
ALTER TABLE public.products DROP CONSTRAINT ck_price_positive;

-- + check ck_price_positive on products
ALTER TABLE public.products ADD CONSTRAINT ck_price_positive CHECK (price >= 0.01 AND price < 1000000) NOT VALID;

-- ~ validate ck_price_positive on products
--   full-scan: reads every row of products under a lock that lets writes continue; fails if a row breaks ck_price_positive
--   runs in a transaction of its own, after the steps above are committed (schemac diff starts a new file)
ALTER TABLE public.products VALIDATE CONSTRAINT ck_price_positive;
