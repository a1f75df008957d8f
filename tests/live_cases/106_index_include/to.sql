create table orders (
    id bigint primary key,
    customer_id bigint not null,
    total numeric(12,2) not null
);
create index orders_customer_covering on orders (customer_id) include (total);
