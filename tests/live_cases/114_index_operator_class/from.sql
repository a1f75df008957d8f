create table paths (
    id serial primary key,
    path text not null
);
