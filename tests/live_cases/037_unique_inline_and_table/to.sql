CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    username varchar(50) NOT NULL,
    tenant_id integer NOT NULL,
    external_ref text UNIQUE,
    UNIQUE (tenant_id, username)
);
