CREATE TABLE stock (
    item_id integer PRIMARY KEY,
    quantity smallint NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    reorder_level smallint DEFAULT 10
);
CREATE INDEX stock_quantity_idx ON stock (quantity);
