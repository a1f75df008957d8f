create table orders (
    id bigint primary key,
    customer_id bigint not null,
    total numeric(12,2) not null
);
