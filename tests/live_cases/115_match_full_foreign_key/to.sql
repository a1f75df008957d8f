CREATE TABLE regions (
    country char(2) NOT NULL,
    code varchar(5) NOT NULL,
    PRIMARY KEY (country, code)
);
CREATE TABLE stores (
    id serial PRIMARY KEY,
    country char(2),
    region_code varchar(5),
    FOREIGN KEY (country, region_code) REFERENCES regions MATCH FULL
);
