create table imports (
    id serial primary key,
    row_count integer,
    amount numeric(12,2),
    happened_on date,
    flag boolean,
    ref uuid,
    payload jsonb
);
