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
    label text NOT NULL,
    CONSTRAINT fk_bins_warehouse FOREIGN KEY (region, warehouse_code)
        REFERENCES warehouses (region, code) ON DELETE CASCADE
);
