create table vendors (
    id integer primary key,
    tax_id varchar(32) not null unique,
    name text not null,
    check (length(name) > 0)
);
