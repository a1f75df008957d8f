create table rectangles (
    id serial primary key,
    width numeric(10,2) not null,
    height numeric(10,2) not null
);
