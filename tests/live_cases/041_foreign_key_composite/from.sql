CREATE TABLE warehouses (
    region char(2) NOT NULL,
    code varchar(10) NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (region, code)
);

CREATE TABLE bins (
    id serial PRIMARY KEY,
    region char(2) NOT NULL,
    warehouse_code varchar(10) NOT NULL,
    label text NOT NULL
);
