create table measurements (
    id serial primary key,
    value real,
    value4 float4 not null,
    precise double precision,
    precise8 float8,
    plain_float float not null
);
