-- qty changes type, which PostgreSQL refuses while a generated column reads
-- it: total is made again around it (with its index and comment), doubled
-- becomes a plain column first (DROP EXPRESSION keeps its values);
-- code_upper's expression changes (its unique constraint and the check
-- that names it go and come back); legacy becomes generated; lines.half is
-- dropped.
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    price numeric(12,2) NOT NULL,
    qty bigint NOT NULL,
    total numeric(16,2) GENERATED ALWAYS AS (price * qty + 1) STORED,
    code text NOT NULL,
    code_upper text GENERATED ALWAYS AS (lower(code)) STORED UNIQUE,
    legacy text GENERATED ALWAYS AS (code || '-x') STORED,
    doubled integer,
    CHECK (code_upper <> '')
);
CREATE INDEX orders_total_idx ON orders (total);
COMMENT ON COLUMN orders.total IS 'price times quantity';
CREATE TABLE lines (
    order_id bigint NOT NULL REFERENCES orders (id)
);
