create table imports (
    id serial primary key,
    row_count text,
    amount text,
    happened_on text,
    flag text,
    ref varchar(36),
    payload text
);
