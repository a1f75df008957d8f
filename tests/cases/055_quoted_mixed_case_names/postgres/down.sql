-- undo ~ comment on table "Reporting"."Daily Prices"
COMMENT ON TABLE "Reporting"."Daily Prices" IS NULL;

-- undo + index Daily Prices_Symbol Name_idx on "Reporting"."Daily Prices"
DROP INDEX "Reporting"."Daily Prices_Symbol Name_idx";

-- undo + table "Reporting"."Daily Prices"
--   data-loss: drops table "Reporting"."Daily Prices" with every row written since it was created
DROP TABLE "Reporting"."Daily Prices";

-- undo + schema "Reporting"
DROP SCHEMA "Reporting";
