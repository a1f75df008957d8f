-- - table staging.staging_rows
--   data-loss: every row of staging.staging_rows is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads staging.staging_rows fails: deploy the code that stops using it first
--   loses every row of staging.staging_rows
DROP TABLE staging.staging_rows;

-- - table staging.staging_state
--   data-loss: every row of staging.staging_state is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads staging.staging_state fails: deploy the code that stops using it first
--   loses every row of staging.staging_state
DROP TABLE staging.staging_state;

-- - schema staging
DROP SCHEMA staging;
