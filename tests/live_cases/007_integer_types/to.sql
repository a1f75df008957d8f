CREATE TABLE counters (
    id int PRIMARY KEY,
    tiny smallint,
    tiny_too int2 NOT NULL,
    regular integer NOT NULL,
    regular_too int4,
    big bigint,
    big_too int8 NOT NULL
);
