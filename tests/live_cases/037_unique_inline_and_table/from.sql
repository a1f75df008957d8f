CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL,
    username varchar(50) NOT NULL,
    tenant_id integer NOT NULL,
    external_ref text
);
