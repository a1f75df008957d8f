create table nodes (
    id int primary key,
    next_id int
);
