create table customers (
    id serial primary key,
    name text not null
);

create table orders (
    id serial primary key,
    customer_id integer not null references customers (id),
    placed_at timestamptz not null default now()
);

create table order_notes (
    id serial primary key,
    order_id int not null references orders,
    note text
);
