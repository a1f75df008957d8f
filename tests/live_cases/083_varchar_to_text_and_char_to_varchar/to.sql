create table notes (
    id serial primary key,
    title text not null,
    code varchar(10),
    lang varchar(5) not null default 'en'
);
