create table measurements (
    id serial primary key,
    value real
);
