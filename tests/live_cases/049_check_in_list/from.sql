create table shipments (
    id serial primary key,
    status text not null,
    priority int not null
);
