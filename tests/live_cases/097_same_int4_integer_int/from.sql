create table metrics (
    id int4 primary key,
    small int2 not null,
    big int8,
    ratio float8,
    fraction float4,
    flag bool not null,
    created timestamptz
);
