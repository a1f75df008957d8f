CREATE TABLE regions (
    country char(2) NOT NULL,
    code varchar(5) NOT NULL,
    PRIMARY KEY (country, code)
);
CREATE TABLE stores (
    id serial PRIMARY KEY,
    country char(2),
    region_code varchar(5)
);
