create table countries (
    code char(2) not null,
    name text not null
);
alter table countries add primary key (code);

create table currencies (
    code char(3) not null,
    name text,
    constraint pk_currencies primary key (code)
);
