create type mood as enum ('sad', 'ok', 'happy');
alter type mood add value 'ecstatic';

create table diary (
    id serial primary key,
    feeling mood not null
);
