-- undo - schema staging
CREATE SCHEMA staging;

-- undo > table staging.raw_quotes -> market.quotes
ALTER TABLE market.quotes RENAME TO raw_quotes;
ALTER TABLE market.raw_quotes SET SCHEMA staging;

-- undo + schema market
DROP SCHEMA market;
