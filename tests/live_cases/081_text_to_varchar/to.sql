create table products (
    id serial primary key,
    sku varchar(32) not null,
    name varchar(200) not null,
    description text
);
create unique index products_sku_idx on products (sku);
