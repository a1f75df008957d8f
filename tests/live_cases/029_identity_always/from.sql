create table products (
    sku text primary key,
    name text not null
);
