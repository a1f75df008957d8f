CREATE TABLE ratings (
    id serial PRIMARY KEY,
    stars smallint NOT NULL,
    score numeric(3,1),
    rated_on date NOT NULL
);
