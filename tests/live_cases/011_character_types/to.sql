create table contacts (
    id integer primary key,
    name text not null,
    email varchar(320) not null,
    phone character varying(32),
    notes character varying,
    country_code char(2) not null,
    gender character(1),
    flag char,
    nickname varchar
);
