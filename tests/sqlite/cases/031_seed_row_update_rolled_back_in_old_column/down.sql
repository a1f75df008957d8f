-- undo ~ seed row orders (id=2)
UPDATE orders SET tag = X'6869', remark = 'hello' WHERE id = 2;

-- undo ~ seed row orders (id=1)
UPDATE orders SET status = 'new' WHERE id = 1;

-- undo ~ table orders: rebuilt for default of status, type of tag
ALTER TABLE orders RENAME COLUMN remark TO note;
CREATE TABLE schemac_new_orders (
    id INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    note TEXT,
    tag BLOB,
    PRIMARY KEY (id)
);
INSERT INTO schemac_new_orders (id, status, note, tag)
  SELECT id, status, note, tag FROM orders;
DROP TABLE orders;
ALTER TABLE schemac_new_orders RENAME TO orders;
