CREATE TABLE accounts (
    id serial PRIMARY KEY,
    balance numeric(12,2) NOT NULL,
    interest real,
    risk double precision
);
