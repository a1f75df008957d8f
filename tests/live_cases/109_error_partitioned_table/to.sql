CREATE TABLE measurements (
    sensor_id integer NOT NULL,
    taken_at timestamptz NOT NULL,
    value double precision
) PARTITION BY RANGE (taken_at);

CREATE TABLE measurements_2024 PARTITION OF measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
