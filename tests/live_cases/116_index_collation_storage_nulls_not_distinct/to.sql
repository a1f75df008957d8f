CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    handle varchar(40),
    region text
);
-- A new storage parameter value, a collation, NULLS NOT DISTINCT and a
-- parameter on another method: each index is built again.
CREATE INDEX accounts_email_idx ON accounts (email COLLATE "C" DESC) WITH (fillfactor = 90, deduplicate_items = off);
CREATE UNIQUE INDEX accounts_handle_idx ON accounts (handle) NULLS NOT DISTINCT;
CREATE INDEX accounts_region_idx ON accounts USING hash (region) WITH (fillfactor = 50);
CREATE INDEX accounts_email_handle_idx ON accounts (lower(email) text_pattern_ops) INCLUDE (handle, region);
