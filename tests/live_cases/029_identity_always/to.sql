create table products (
    sku text primary key,
    name text not null
);

create table product_events (
    id bigint generated always as identity primary key,
    sku text not null references products (sku),
    kind text not null
);

create table product_notes (
    id int generated always as identity,
    note text,
    constraint product_notes_pkey primary key (id)
);
