-- ~ table events: rebuilt for strict, without_rowid or autoincrement
--   table-rewrite: copies every row of events into a new table and drops the old one: time and disk grow with its rows
--   exclusive-lock: the whole database is locked for writing until the migration commits; readers go on (WAL) or wait (rollback journal)
--   may-fail: the copy fails on rows the new shape refuses (NOT NULL, CHECK, UNIQUE), and PRAGMA foreign_key_check before the commit on rows whose foreign keys have no match
CREATE TABLE schemac_new_events (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL
) STRICT;
INSERT INTO schemac_new_events (id, kind)
  SELECT id, kind FROM events;
DROP TABLE events;
ALTER TABLE schemac_new_events RENAME TO events;

-- ~ table settings: rebuilt for strict, without_rowid or autoincrement
--   table-rewrite: copies every row of settings into a new table and drops the old one: time and disk grow with its rows
--   exclusive-lock: the whole database is locked for writing until the migration commits; readers go on (WAL) or wait (rollback journal)
--   may-fail: the copy fails on rows the new shape refuses (NOT NULL, CHECK, UNIQUE), and PRAGMA foreign_key_check before the commit on rows whose foreign keys have no match
CREATE TABLE schemac_new_settings (
    "key" TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY ("key")
) WITHOUT ROWID;
INSERT INTO schemac_new_settings ("key", value)
  SELECT "key", value FROM settings;
DROP TABLE settings;
ALTER TABLE schemac_new_settings RENAME TO settings;
