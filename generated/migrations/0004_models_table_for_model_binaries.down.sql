-- schemac migration 0004 down: models_table_for_model_binaries
-- message: models table for model binaries
-- created: 2026-11-21 by schemac 0.1.0 from schema (generated; do not edit, see schemac.sum)

-- undo ~ comment on column modelstore.models.model_binary
COMMENT ON COLUMN modelstore.models.model_binary IS NULL;

-- undo ~ comment on column modelstore.models.model_type
COMMENT ON COLUMN modelstore.models.model_type IS NULL;

-- undo ~ comment on column modelstore.models.version
COMMENT ON COLUMN modelstore.models.version IS NULL;

-- undo ~ comment on table modelstore.models
COMMENT ON TABLE modelstore.models IS NULL;

-- undo + index idx_models_latest_active on modelstore.models
DROP INDEX modelstore.idx_models_latest_active;

-- undo + table modelstore.models
--   data-loss: drops table modelstore.models with every row written since it was created
DROP TABLE modelstore.models;

-- undo + schema modelstore
DROP SCHEMA modelstore;
