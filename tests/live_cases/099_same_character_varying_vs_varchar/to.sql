CREATE TABLE people (
    id integer PRIMARY KEY,
    name varchar(100) NOT NULL,
    code char(4),
    initial char(1),
    notes varchar,
    amount numeric(10,2),
    seen timestamp,
    at_time time,
    tags varchar(20)[]
);
