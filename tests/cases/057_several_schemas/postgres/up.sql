-- + schema market
CREATE SCHEMA market;

-- + schema ops
CREATE SCHEMA ops;

-- + enum market.feed_kind
CREATE TYPE market.feed_kind AS ENUM ('live', 'delayed');

-- + table market.instruments
CREATE TABLE market.instruments (
    symbol varchar(20) NOT NULL,
    kind market.feed_kind NOT NULL,
    CONSTRAINT instruments_pkey PRIMARY KEY (symbol)
);

-- + table ops.audit_log
CREATE TABLE ops.audit_log (
    id bigserial NOT NULL,
    symbol varchar(20) NOT NULL,
    message text NOT NULL,
    CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);

-- + table users
CREATE TABLE public.users (
    id serial NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- + foreign key audit_log_symbol_fkey on ops.audit_log
ALTER TABLE ops.audit_log ADD CONSTRAINT audit_log_symbol_fkey FOREIGN KEY (symbol) REFERENCES market.instruments (symbol);
