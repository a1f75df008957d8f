create table contacts (
    id integer primary key,
    name text not null
);
