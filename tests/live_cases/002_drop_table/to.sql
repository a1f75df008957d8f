create table authors (
    id integer primary key,
    name text not null
);
