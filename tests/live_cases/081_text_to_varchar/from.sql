create table products (
    id serial primary key,
    sku text not null,
    name text not null,
    description text
);
create unique index products_sku_idx on products (sku);
