CREATE SCHEMA catalog_data;

CREATE TABLE catalog_data.items (
    id serial PRIMARY KEY,
    name text NOT NULL
);
