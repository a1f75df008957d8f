CREATE TABLE devices (
    id serial PRIMARY KEY,
    serial_number varchar(40) NOT NULL,
    vendor varchar(40) NOT NULL,
    model varchar(40) NOT NULL
);

CREATE UNIQUE INDEX devices_serial_number_uidx ON devices (serial_number);
CREATE UNIQUE INDEX ON devices (vendor, model, serial_number);
