CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    handle varchar(40),
    region text
);
CREATE INDEX accounts_email_idx ON accounts (email) WITH (fillfactor = 70);
CREATE UNIQUE INDEX accounts_handle_idx ON accounts (handle);
CREATE INDEX accounts_region_idx ON accounts USING hash (region);
