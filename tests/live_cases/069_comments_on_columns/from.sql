CREATE TABLE sensors (
    id serial PRIMARY KEY,
    location text NOT NULL,
    reading double precision,
    unit varchar(10)
);

COMMENT ON COLUMN sensors.location IS 'where it hangs';
COMMENT ON COLUMN sensors.unit IS 'SI unit';
