CREATE TABLE hosts (
    id serial PRIMARY KEY,
    name text NOT NULL,
    address inet NOT NULL
);
