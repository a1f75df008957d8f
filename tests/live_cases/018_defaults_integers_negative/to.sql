create table thermostats (
    id int primary key,
    min_temp smallint default -40,
    max_temp integer default 85,
    offset_mk bigint default -9223372036854775808,
    retries int not null default 0,
    backoff int default 1000000,
    level smallint not null default -1
);
