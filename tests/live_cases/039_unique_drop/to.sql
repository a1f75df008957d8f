CREATE TABLE slugs (
    id integer PRIMARY KEY,
    slug text NOT NULL,
    locale char(5) NOT NULL,
    title text NOT NULL
);
