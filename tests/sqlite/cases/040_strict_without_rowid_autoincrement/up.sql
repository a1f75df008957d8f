-- + table events
CREATE TABLE events (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    payload BLOB,
    weight REAL NOT NULL DEFAULT 1.5
) STRICT;

-- + table settings
CREATE TABLE settings (
    "key" TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY ("key")
) WITHOUT ROWID;
