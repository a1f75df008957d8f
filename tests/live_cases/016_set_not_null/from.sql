create table employees (
    id serial primary key,
    first_name text,
    last_name text,
    hired_on date,
    salary numeric(10,2),
    manager_id integer
);
