create table nodes (
    id int primary key,
    next_id int
);
alter table nodes add constraint nodes_next_fk foreign key (next_id) references nodes (id)
    deferrable initially deferred;
