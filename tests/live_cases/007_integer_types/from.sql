CREATE TABLE counters (
    id int PRIMARY KEY
);
