-- schemac migration 0003 down: add_adjusted_close
-- message: add adjusted close
-- created: 2026-11-21 by schemac 0.1.0 from schema (generated; do not edit, see schemac.sum)

-- undo ~ comment on column explainable.prices.adjusted_close
COMMENT ON COLUMN explainable.prices.adjusted_close IS NULL;

-- undo ~ backfill explainable.prices.adjusted_close
--   nothing to undo here: the column's own reverse drops it

-- undo + column explainable.prices.adjusted_close
--   data-loss: loses the values of column explainable.prices.adjusted_close
ALTER TABLE explainable.prices DROP COLUMN adjusted_close;
