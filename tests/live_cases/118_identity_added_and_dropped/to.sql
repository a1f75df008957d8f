-- An existing key column becomes an identity, and another column stops being one.
CREATE TABLE tickets (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legacy_no bigint,
    title text NOT NULL
);
