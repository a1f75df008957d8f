CREATE TABLE people (
    id integer PRIMARY KEY,
    name character varying(100) NOT NULL,
    code character(4),
    initial character,
    notes character varying,
    amount decimal(10,2),
    seen timestamp without time zone,
    at_time time without time zone,
    tags character varying(20)[]
);
