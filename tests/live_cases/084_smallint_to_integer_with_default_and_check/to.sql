CREATE TABLE stock (
    item_id integer PRIMARY KEY,
    quantity integer NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    reorder_level bigint DEFAULT 10
);
CREATE INDEX stock_quantity_idx ON stock (quantity);
