create table plans (
    code text primary key
);

create table subs (
    id bigint primary key,
    plan text not null default 'free' references plans,
    started timestamptz not null default now(),
    seats int not null default 1,
    note varchar(20) default 'none'
);
