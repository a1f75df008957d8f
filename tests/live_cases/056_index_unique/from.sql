CREATE TABLE devices (
    id serial PRIMARY KEY,
    serial_number varchar(40) NOT NULL,
    vendor varchar(40) NOT NULL,
    model varchar(40) NOT NULL
);
