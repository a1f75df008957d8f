create type member_tier as enum ('free', 'plus', 'pro');

create table members (
    id serial primary key,
    name text not null,
    tier member_tier not null default 'free'
);
