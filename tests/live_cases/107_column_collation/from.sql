CREATE TABLE words (
    id serial PRIMARY KEY,
    word text NOT NULL
);
