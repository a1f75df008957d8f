create type size_v1 as enum ('s', 'm', 'l');
create type size_v2 as enum ('xs', 's', 'm', 'l', 'xl');

create table shirts (
    id serial primary key,
    size size_v2 not null default 'm',
    alt_size text,
    label size_v1
);
