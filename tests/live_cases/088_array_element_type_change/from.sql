CREATE TABLE series (
    id serial PRIMARY KEY,
    points integer[] NOT NULL DEFAULT '{}',
    labels varchar(10)[],
    ratios real[]
);
