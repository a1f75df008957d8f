create table categories (
    id integer primary key,
    name text not null,
    parent_id integer references categories (id) on delete set null
);

create table employees (
    id bigserial primary key,
    name text not null,
    manager_id bigint
);

alter table employees
    add constraint employees_manager_fk foreign key (manager_id) references employees (id);
