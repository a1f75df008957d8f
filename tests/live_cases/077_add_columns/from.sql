create table invoices (
    id serial primary key,
    number varchar(20) not null
);
