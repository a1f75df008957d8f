create table departments (
    id integer primary key,
    name text not null
);

create table staff (
    id integer primary key,
    name text not null
);
