-- ~ table items: rebuilt for dropped column total (beyond DROP COLUMN), type of name, new column total (beyond ADD COLUMN), new column shout (beyond ADD COLUMN), new column legacy (beyond ADD COLUMN), unique items_name_key
--   table-rewrite: copies every row of items into a new table and drops the old one: time and disk grow with its rows
--   exclusive-lock: the whole database is locked for writing until the migration commits; readers go on (WAL) or wait (rollback journal)
--   may-fail: the copy fails on rows the new shape refuses (NOT NULL, CHECK, UNIQUE), and PRAGMA foreign_key_check before the commit on rows whose foreign keys have no match
--   data-loss: the values of legacy are not copied; back up the database file first
--   loses the values of legacy
CREATE TABLE schemac_new_items (
    id INTEGER NOT NULL,
    name TEXT COLLATE nocase NOT NULL,
    price REAL NOT NULL,
    qty INTEGER NOT NULL,
    total REAL NOT NULL GENERATED ALWAYS AS (price * qty + 1) STORED,
    shout TEXT NOT NULL GENERATED ALWAYS AS (upper(name)) STORED,
    legacy TEXT GENERATED ALWAYS AS (name || '!') STORED,
    PRIMARY KEY (id),
    UNIQUE (name)
);
INSERT INTO schemac_new_items (id, name, price, qty)
  SELECT id, name, price, qty FROM items;
DROP TABLE items;
ALTER TABLE schemac_new_items RENAME TO items;
