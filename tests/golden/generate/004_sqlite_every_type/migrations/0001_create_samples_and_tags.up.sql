-- schemac migration 0001 up: create_samples_and_tags
-- message: create samples and tags
-- created: 2026-12-07 by schemac 0.1.0 from schema.yaml (generated; do not edit, see schemac.sum)

-- + table samples
CREATE TABLE samples (
    id INTEGER NOT NULL,
    code TEXT NOT NULL,
    small SMALLINT NOT NULL,
    medium INTEGER NOT NULL,
    big BIGINT NOT NULL,
    ratio REAL NOT NULL,
    precise DOUBLE PRECISION NOT NULL,
    amount NUMERIC(12,2) NOT NULL,
    exact NUMERIC NOT NULL,
    flag BOOLEAN NOT NULL,
    payload BLOB NOT NULL,
    small_n SMALLINT,
    medium_n INTEGER,
    big_n BIGINT,
    ratio_n REAL,
    precise_n DOUBLE PRECISION,
    amount_n NUMERIC,
    note TEXT,
    flag_n BOOLEAN,
    payload_n BLOB,
    status TEXT NOT NULL DEFAULT 'new',
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    PRIMARY KEY (id),
    UNIQUE (code)
);
CREATE INDEX samples_status_big_idx ON samples (status, big);

-- + table tags
CREATE TABLE tags (
    sample_id INTEGER NOT NULL,
    tag TEXT NOT NULL,
    weight BIGINT NOT NULL DEFAULT 0,
    label TEXT NOT NULL GENERATED ALWAYS AS (tag || ':' || weight) STORED,
    PRIMARY KEY (sample_id, tag),
    FOREIGN KEY (sample_id) REFERENCES samples (id) ON DELETE CASCADE
);
