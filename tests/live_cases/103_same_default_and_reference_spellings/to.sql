create table plans (
    code text primary key
);

create table subs (
    id bigint primary key,
    plan text not null default 'free'::text,
    started timestamptz not null default NOW(),
    seats int not null default (1),
    note varchar(20) default 'none'::character varying,
    foreign key (plan) references plans (code)
);
