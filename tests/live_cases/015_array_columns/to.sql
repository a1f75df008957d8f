CREATE TYPE color AS ENUM ('red', 'green', 'blue');

CREATE TABLE palettes (
    id integer PRIMARY KEY,
    name text NOT NULL,
    tags text[] NOT NULL,
    weights integer[],
    big_ids int8[],
    codes varchar(10)[],
    prices numeric(10,2)[],
    colors color[] NOT NULL,
    seen_at timestamptz[],
    ids uuid[],
    flags boolean[],
    matrix integer[][],
    fixed_size smallint[3],
    ratios double precision ARRAY
);
