-- One key becomes deferred until commit, the other stops being deferrable.
CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE transfers (
    id bigint PRIMARY KEY,
    source_id bigint NOT NULL REFERENCES accounts (id) DEFERRABLE INITIALLY DEFERRED,
    target_id bigint NOT NULL REFERENCES accounts (id)
);
