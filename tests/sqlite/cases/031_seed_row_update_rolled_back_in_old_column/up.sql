-- ~ table orders: rebuilt for default of status, type of tag
--   table-rewrite: copies every row of orders into a new table and drops the old one: time and disk grow with its rows
--   exclusive-lock: the whole database is locked for writing until the migration commits; readers go on (WAL) or wait (rollback journal)
--   may-fail: the copy fails on rows the new shape refuses (NOT NULL, CHECK, UNIQUE), and PRAGMA foreign_key_check before the commit on rows whose foreign keys have no match
ALTER TABLE orders RENAME COLUMN note TO remark;
CREATE TABLE schemac_new_orders (
    id INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'old',
    remark TEXT,
    tag TEXT,
    PRIMARY KEY (id)
);
INSERT INTO schemac_new_orders (id, status, remark, tag)
  SELECT id, status, remark, tag FROM orders;
DROP TABLE orders;
ALTER TABLE schemac_new_orders RENAME TO orders;

-- ~ seed row orders (id=1)
UPDATE orders SET status = 'shipped' WHERE id = 1;

-- ~ seed row orders (id=2)
UPDATE orders SET tag = 'changed', remark = NULL WHERE id = 2;
