-- undo ~ table settings: rebuilt for strict, without_rowid or autoincrement
CREATE TABLE schemac_new_settings (
    "key" TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY ("key")
);
INSERT INTO schemac_new_settings ("key", value)
  SELECT "key", value FROM settings;
DROP TABLE settings;
ALTER TABLE schemac_new_settings RENAME TO settings;

-- undo ~ table events: rebuilt for strict, without_rowid or autoincrement
CREATE TABLE schemac_new_events (
    id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO schemac_new_events (id, kind)
  SELECT id, kind FROM events;
DROP TABLE events;
ALTER TABLE schemac_new_events RENAME TO events;
