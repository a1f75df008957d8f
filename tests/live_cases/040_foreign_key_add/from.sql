create table customers (
    id serial primary key,
    name text not null
);

create table orders (
    id serial primary key,
    customer_id integer not null,
    placed_at timestamptz not null default now()
);
