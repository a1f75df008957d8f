-- ~ table accounts -> users: rebuilt for NULL allowed in name
--   table-rewrite: copies every row of accounts into a new table and drops the old one: time and disk grow with its rows
--   exclusive-lock: the whole database is locked for writing until the migration commits; readers go on (WAL) or wait (rollback journal)
--   may-fail: the copy fails on rows the new shape refuses (NOT NULL, CHECK, UNIQUE), and PRAGMA foreign_key_check before the commit on rows whose foreign keys have no match
ALTER TABLE accounts RENAME TO users;
CREATE TABLE schemac_new_users (
    id TEXT NOT NULL,
    name TEXT,
    PRIMARY KEY (id)
);
INSERT INTO schemac_new_users (id, name)
  SELECT id, name FROM users;
DROP TABLE users;
ALTER TABLE schemac_new_users RENAME TO users;
