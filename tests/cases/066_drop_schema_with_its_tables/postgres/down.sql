-- undo - schema staging
CREATE SCHEMA staging;

-- undo - table staging.staging_state
--   recreates staging.staging_state empty: its rows are not restored
CREATE TABLE staging.staging_state (
    name text NOT NULL,
    CONSTRAINT staging_state_pkey PRIMARY KEY (name)
);

-- undo - table staging.staging_rows
--   recreates staging.staging_rows empty: its rows are not restored
CREATE TABLE staging.staging_rows (
    id bigint NOT NULL,
    payload jsonb NOT NULL,
    CONSTRAINT staging_rows_pkey PRIMARY KEY (id)
);
