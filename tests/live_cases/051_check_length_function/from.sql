create table accounts (
    id serial primary key,
    username varchar(30) not null,
    password_hash text not null,
    email text not null,
    bio text
);
