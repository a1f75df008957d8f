CREATE TABLE series (
    id serial PRIMARY KEY,
    points bigint[] NOT NULL DEFAULT '{}',
    labels text[],
    ratios double precision[]
);
