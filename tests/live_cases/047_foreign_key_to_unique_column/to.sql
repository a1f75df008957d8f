CREATE TABLE currencies (
    id serial PRIMARY KEY,
    iso_code char(3) NOT NULL,
    CONSTRAINT currencies_iso_code_key UNIQUE (iso_code)
);

CREATE TABLE rates (
    id serial PRIMARY KEY,
    currency char(3) NOT NULL REFERENCES currencies (iso_code),
    rate numeric(18,8) NOT NULL
);
