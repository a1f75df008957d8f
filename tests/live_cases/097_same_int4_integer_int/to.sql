CREATE TABLE metrics (
    id INTEGER PRIMARY KEY,
    small SMALLINT NOT NULL,
    big BIGINT,
    ratio DOUBLE PRECISION,
    fraction REAL,
    flag BOOLEAN NOT NULL,
    created TIMESTAMP WITH TIME ZONE
);
