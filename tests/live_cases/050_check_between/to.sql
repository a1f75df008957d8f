CREATE TABLE ratings (
    id serial PRIMARY KEY,
    stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
    score numeric(3,1),
    rated_on date NOT NULL,
    CONSTRAINT ck_ratings_score CHECK (score BETWEEN 0.0 AND 10.0),
    CONSTRAINT ck_ratings_date CHECK (rated_on NOT BETWEEN '1900-01-01' AND '1999-12-31')
);
