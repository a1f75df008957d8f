create table tasks (
    id serial primary key,
    title text not null
);
