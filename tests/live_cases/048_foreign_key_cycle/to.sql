create table departments (
    id integer primary key,
    name text not null,
    head_id integer
);

create table staff (
    id integer primary key,
    name text not null,
    department_id integer not null references departments (id)
);

alter table departments add constraint departments_head_id_fkey
    foreign key (head_id) references staff (id) on delete set null;
