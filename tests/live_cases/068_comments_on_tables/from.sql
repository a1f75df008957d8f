create schema reporting;

create table customers (
    id serial primary key,
    name text not null
);

create table reporting.daily_sales (
    day date primary key,
    total numeric(14,2) not null
);

comment on table reporting.daily_sales is 'old description';
