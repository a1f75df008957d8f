create table vehicles (
    id int primary key,
    wheels smallint not null
);
