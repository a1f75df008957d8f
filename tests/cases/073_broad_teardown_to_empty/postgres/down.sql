-- undo - schema trading
CREATE SCHEMA trading;

-- undo - enum side
CREATE TYPE public.side AS ENUM ('buy', 'sell');

-- undo - table trading.orders
--   recreates trading.orders empty: its rows are not restored
CREATE TABLE trading.orders (
    id bigserial NOT NULL,
    account_id integer NOT NULL,
    side public.side NOT NULL,
    qty integer NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT ck_qty_positive CHECK (qty > 0)
);

-- undo - table trading.accounts
--   recreates trading.accounts empty: its rows are not restored
CREATE TABLE trading.accounts (
    id serial NOT NULL,
    name text NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_name_key UNIQUE (name)
);

-- undo - foreign key orders_account_id_fkey on trading.orders
ALTER TABLE trading.orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES trading.accounts;
