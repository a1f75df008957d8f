-- schemac migration 0003 up: add_adjusted_close
-- message: add adjusted close
-- created: 2026-11-21 by schemac 0.1.0 from schema (generated; do not edit, see schemac.sum)

-- + column explainable.prices.adjusted_close
ALTER TABLE explainable.prices ADD COLUMN adjusted_close numeric(10,2);

-- ~ backfill explainable.prices.adjusted_close
--   full-scan: updates every existing row of explainable.prices in one transaction; on a large table, backfill in batches outside the migration
UPDATE explainable.prices SET adjusted_close = (close) WHERE adjusted_close IS NULL;

-- ~ comment on column explainable.prices.adjusted_close
COMMENT ON COLUMN explainable.prices.adjusted_close IS 'Close adjusted for splits and dividends (migration 002)';
