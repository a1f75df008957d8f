-- Version 2: enum status, timestamptz, bigger prices, checks, indexes,
-- cascading deletes, a new table in a new schema, comments.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');
CREATE SCHEMA analytics;

CREATE TABLE customers (
    id SERIAL PRIMARY KEY,
    email VARCHAR(255) NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    marketing_opt_in BOOLEAN NOT NULL DEFAULT FALSE
);
COMMENT ON TABLE customers IS 'Registered customers';

CREATE TABLE products (
    id SERIAL PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    price NUMERIC(12,2) NOT NULL CHECK (price >= 0),
    tags TEXT[] NOT NULL DEFAULT '{}'
);
CREATE INDEX products_tags_idx ON products USING gin (tags);

CREATE TABLE orders (
    id SERIAL PRIMARY KEY,
    customer_id INT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    created TIMESTAMPTZ NOT NULL DEFAULT now(),
    status order_status NOT NULL DEFAULT 'new'
);
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created DESC);

CREATE TABLE order_items (
    order_id INT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    product_id INT NOT NULL REFERENCES products(id),
    qty INT NOT NULL CHECK (qty > 0),
    unit_price NUMERIC(12,2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

CREATE TABLE analytics.daily_revenue (
    day DATE PRIMARY KEY,
    revenue NUMERIC(14,2) NOT NULL DEFAULT 0,
    orders INT NOT NULL DEFAULT 0
);
