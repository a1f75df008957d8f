-- undo ~ table items: rebuilt for dropped column total (beyond DROP COLUMN), type of name, new column total (beyond ADD COLUMN), new column shout (beyond ADD COLUMN), new column legacy (beyond ADD COLUMN), unique items_name_key
--   brings back legacy empty (their default or NULL)
CREATE TABLE schemac_new_items (
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    price REAL NOT NULL,
    qty INTEGER NOT NULL,
    total REAL NOT NULL GENERATED ALWAYS AS (price * qty) STORED,
    legacy TEXT,
    PRIMARY KEY (id)
);
INSERT INTO schemac_new_items (id, name, price, qty, legacy)
  SELECT id, name, price, qty, legacy FROM items;
DROP TABLE items;
ALTER TABLE schemac_new_items RENAME TO items;
