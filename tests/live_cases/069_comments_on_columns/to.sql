CREATE TABLE sensors (
    id serial PRIMARY KEY,
    location text NOT NULL,
    reading double precision,
    unit varchar(10)
);

COMMENT ON COLUMN sensors.id IS 'Surrogate key';
COMMENT ON COLUMN sensors.location IS 'Building and room, e.g. B2-104';
COMMENT ON COLUMN sensors.reading IS 'Last value read';
