create table countries (
    code char(2) not null,
    name text not null
);

create table currencies (
    code char(3) not null,
    name text
);
