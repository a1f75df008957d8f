create table users (
    id serial primary key,
    name text not null
);
