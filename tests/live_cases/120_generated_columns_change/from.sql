CREATE TABLE orders (
    id bigint PRIMARY KEY,
    price numeric(12,2) NOT NULL,
    qty integer NOT NULL,
    total numeric(14,2) GENERATED ALWAYS AS (price * qty) STORED,
    code text NOT NULL,
    code_upper text GENERATED ALWAYS AS (upper(code)) STORED UNIQUE,
    legacy text,
    doubled integer GENERATED ALWAYS AS (qty * 2) STORED,
    CHECK (code_upper <> '')
);
CREATE INDEX orders_total_idx ON orders (total);
COMMENT ON COLUMN orders.total IS 'price times quantity';
CREATE TABLE lines (
    order_id bigint NOT NULL REFERENCES orders (id),
    half numeric GENERATED ALWAYS AS (order_id / 2.0) STORED
);
