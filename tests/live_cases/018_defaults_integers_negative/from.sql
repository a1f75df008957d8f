create table thermostats (
    id int primary key,
    min_temp smallint,
    max_temp integer,
    offset_mk bigint,
    retries int not null
);
