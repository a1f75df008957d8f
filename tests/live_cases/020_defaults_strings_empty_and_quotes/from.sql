create table messages (
    id serial primary key,
    subject text not null,
    body text not null
);
