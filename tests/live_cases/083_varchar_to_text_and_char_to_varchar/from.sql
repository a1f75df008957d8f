create table notes (
    id serial primary key,
    title varchar(100) not null,
    code char(10),
    lang char(2) not null default 'en'
);
