create table employees (
    id serial primary key,
    first_name text not null,
    last_name text not null,
    hired_on date not null,
    salary numeric(10,2),
    manager_id integer
);
