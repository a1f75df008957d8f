create schema reporting;

create table customers (
    id serial primary key,
    name text not null
);
comment on table customers is 'People and companies that buy from us';

create table reporting.daily_sales (
    day date primary key,
    total numeric(14,2) not null
);

comment on table reporting.daily_sales is 'Sales per calendar day, in EUR';
