-- + schema market
CREATE SCHEMA market;

-- > table staging.raw_quotes -> market.quotes
--   breaks-running-app: SQL that names staging.raw_quotes stops working; deploy code that works with both names, or use a view with the old name during the switch
ALTER TABLE staging.raw_quotes SET SCHEMA market;
ALTER TABLE market.raw_quotes RENAME TO quotes;

-- - schema staging
DROP SCHEMA staging;
