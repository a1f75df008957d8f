create table customers (
    id serial primary key,
    email varchar(255) not null unique,
    createdat timestamptz not null default now()
);
create index customers_createdat_idx on customers (createdat desc);
comment on table customers is 'Customers';
