-- citext goes, pgcrypto comes into a schema of its own (which the plan
-- creates first, and drops after it on the way back), pg_trgm moves there,
-- and a table's default calls pgcrypto.
CREATE SCHEMA crypto;
CREATE EXTENSION pgcrypto WITH SCHEMA crypto;
CREATE EXTENSION pg_trgm WITH SCHEMA crypto;
CREATE TABLE tokens (
    id bigint PRIMARY KEY,
    token text NOT NULL DEFAULT encode(crypto.gen_random_bytes(8), 'hex')
);
