CREATE TABLE people (
    id serial PRIMARY KEY,
    email text NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    born date,
    data jsonb
);
