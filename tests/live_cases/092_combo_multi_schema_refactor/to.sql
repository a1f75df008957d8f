CREATE SCHEMA core;
CREATE SCHEMA finance;

CREATE TYPE core.region AS ENUM ('emea', 'amer', 'apac');
CREATE TYPE finance.currency AS ENUM ('EUR', 'USD', 'JPY');

CREATE TABLE core.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region core.region NOT NULL,
    name text NOT NULL,
    home_currency finance.currency NOT NULL DEFAULT 'EUR'
);

CREATE TABLE finance.balances (
    account_id bigint NOT NULL REFERENCES core.accounts (id) ON DELETE CASCADE,
    currency finance.currency NOT NULL,
    amount numeric(18,4) NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, currency)
);

CREATE INDEX balances_currency_idx ON finance.balances (currency);
COMMENT ON TABLE finance.balances IS 'One row per account and currency';
