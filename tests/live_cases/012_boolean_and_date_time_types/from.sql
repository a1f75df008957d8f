CREATE TABLE shifts (
    id serial PRIMARY KEY
);
