create table shipments (
    id serial primary key,
    status text not null check (status in ('created', 'in_transit', 'delivered', 'lost')),
    priority int not null,
    constraint shipments_priority_check check (priority in (1, 2, 3)),
    constraint ck_status_not_lost check (status not in ('lost'))
);
