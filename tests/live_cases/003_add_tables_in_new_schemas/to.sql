CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    login varchar(64) NOT NULL
);

CREATE SCHEMA billing;
CREATE SCHEMA audit;

CREATE TABLE billing.invoices (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES public.accounts (id),
    total numeric(12,2) NOT NULL DEFAULT 0,
    issued_on date NOT NULL
);

CREATE TABLE audit.events (
    id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor text,
    payload jsonb
);
