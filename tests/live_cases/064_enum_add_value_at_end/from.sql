create type mood as enum ('sad', 'ok', 'happy');

create table diary (
    id serial primary key,
    feeling mood not null
);
