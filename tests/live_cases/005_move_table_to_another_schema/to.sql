CREATE SCHEMA archive;

CREATE TABLE archive.reports (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    generated_at timestamp NOT NULL
);

CREATE TABLE archive.placeholder (id int PRIMARY KEY);
