create type order_status as enum ('pending', 'paid', 'shipped', 'cancelled');
create schema shipping;
create type shipping.carrier as enum ('ups', 'fedex', 'dhl', 'post');

create table orders (
    id serial primary key,
    status order_status not null default 'pending',
    carrier shipping.carrier default 'post'::shipping.carrier,
    history order_status[] default '{pending}'
);
