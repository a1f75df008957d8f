create table orders (
    id bigint primary key,
    placed_at timestamptz not null,
    total numeric(10,2) not null
);

create schema staging;

create table staging.orders (
    id bigint primary key,
    placed_at timestamptz,
    total numeric(10,2),
    raw_line text not null
);
