create table users (
    id serial primary key,
    email varchar(320) not null unique,
    display_name varchar,
    country character varying(3) not null default 'DE'
);
