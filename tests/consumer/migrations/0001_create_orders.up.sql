-- schemac migration 0001 up: create_orders
-- message: create orders
-- created: 2026-11-21 by schemac 0.1.0 from tests/consumer/schema (generated; do not edit, see schemac.sum)

-- + schema shop
CREATE SCHEMA shop;

-- + enum shop.order_status
CREATE TYPE shop.order_status AS ENUM ('open', 'filled', 'cancelled');

-- + table shop.audit_log
CREATE TABLE shop.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    what text NOT NULL,
    CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);

-- + table shop.orders
CREATE TABLE shop.orders (
    id bigserial NOT NULL,
    symbol varchar(12) NOT NULL,
    qty integer NOT NULL,
    price numeric(18,6) NOT NULL,
    status shop.order_status NOT NULL DEFAULT 'open',
    placed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

-- + index orders_symbol_placed_at_idx on shop.orders
CREATE INDEX orders_symbol_placed_at_idx ON shop.orders (symbol, placed_at DESC);
