create table "user" (
    id serial primary key,
    "name" text not null
);
