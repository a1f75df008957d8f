create table accounts (
    id integer primary key,
    email text not null unique,
    username text not null,
    plan text not null default 'free' check (plan in ('free', 'pro'))
);

create table logins (
    id bigserial primary key,
    account_id integer not null references accounts (id),
    at timestamptz not null
);
