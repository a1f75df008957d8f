create schema "Sales";

create table "Sales"."Region" (
    id int primary key,
    name text not null
);
