create table orders (
    id bigint primary key,
    placed_at timestamptz not null,
    total numeric(10,2) not null
);
