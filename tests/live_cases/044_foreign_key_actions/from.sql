create table parents (
    id integer primary key,
    code text not null unique
);
