create table vehicles (
    id int primary key,
    wheels smallint not null
);
create table trucks (
    payload_kg integer
) inherits (vehicles);
