CREATE TABLE accounts (
    id serial PRIMARY KEY,
    balance numeric(12,2) NOT NULL DEFAULT 0.00,
    overdraft numeric(12,2) NOT NULL DEFAULT -500.50,
    interest real DEFAULT 1.5,
    risk double precision DEFAULT -0.25,
    scale double precision DEFAULT 1e-3,
    upper_bound double precision DEFAULT 'Infinity',
    lower_bound float8 DEFAULT '-Infinity',
    unknown float4 DEFAULT 'NaN',
    fee numeric DEFAULT 2.5
);
