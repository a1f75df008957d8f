-- ~ table accounts: rebuilt for check tier_valid
--   table-rewrite: copies every row of accounts into a new table and drops the old one: time and disk grow with its rows
--   exclusive-lock: the whole database is locked for writing until the migration commits; readers go on (WAL) or wait (rollback journal)
--   may-fail: the copy fails on rows the new shape refuses (NOT NULL, CHECK, UNIQUE), and PRAGMA foreign_key_check before the commit on rows whose foreign keys have no match
CREATE TABLE schemac_new_accounts (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    tier INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    CONSTRAINT tier_valid CHECK (tier > 0)
);
INSERT INTO schemac_new_accounts (id, name)
  SELECT id, name FROM accounts;
DROP TABLE accounts;
ALTER TABLE schemac_new_accounts RENAME TO accounts;
