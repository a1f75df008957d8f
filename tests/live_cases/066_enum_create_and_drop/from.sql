create type legacy_role as enum ('admin', 'user');

create table members (
    id serial primary key,
    name text not null,
    role legacy_role not null default 'user'
);
