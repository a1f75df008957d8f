CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE transfers (
    id bigint PRIMARY KEY,
    source_id bigint NOT NULL REFERENCES accounts (id),
    target_id bigint NOT NULL REFERENCES accounts (id) DEFERRABLE
);
