create table users (
    id serial primary key,
    email varchar(100) not null unique,
    display_name varchar(50),
    country character varying(2) not null default 'DE'
);
