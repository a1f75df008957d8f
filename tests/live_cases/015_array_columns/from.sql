CREATE TYPE color AS ENUM ('red', 'green', 'blue');

CREATE TABLE palettes (
    id integer PRIMARY KEY,
    name text NOT NULL
);
