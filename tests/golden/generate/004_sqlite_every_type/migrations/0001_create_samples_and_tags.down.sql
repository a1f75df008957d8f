-- schemac migration 0001 down: create_samples_and_tags
-- message: create samples and tags
-- created: 2026-12-07 by schemac 0.1.0 from schema.yaml (generated; do not edit, see schemac.sum)

-- undo + table tags
--   data-loss: drops table tags with every row written since it was created
DROP TABLE tags;

-- undo + table samples
--   data-loss: drops table samples with every row written since it was created
DROP TABLE samples;
