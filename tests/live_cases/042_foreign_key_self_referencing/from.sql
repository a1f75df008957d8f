create table categories (
    id integer primary key,
    name text not null
);

create table employees (
    id bigserial primary key,
    name text not null,
    manager_id bigint
);
