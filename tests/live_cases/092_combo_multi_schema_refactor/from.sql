CREATE SCHEMA core;
CREATE SCHEMA reporting;

CREATE TYPE core.region AS ENUM ('emea', 'amer', 'apac');

CREATE TABLE core.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region core.region NOT NULL,
    name text NOT NULL
);

CREATE TABLE reporting.account_totals (
    account_id bigint PRIMARY KEY REFERENCES core.accounts (id),
    total numeric(14,2) NOT NULL DEFAULT 0
);

CREATE TABLE reporting.snapshots (
    taken_at timestamptz PRIMARY KEY,
    data jsonb NOT NULL
);
