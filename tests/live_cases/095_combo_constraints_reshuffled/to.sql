-- The primary key moves from id to username (id becomes a unique key), the
-- email key becomes a unique index on lower(email), the check grows a value,
-- and the foreign key now points at the unique id.
create table accounts (
    id integer not null unique,
    email text not null,
    username text primary key,
    plan text not null default 'free' check (plan in ('free', 'pro', 'team'))
);
create unique index accounts_email_lower_key on accounts (lower(email));

create table logins (
    id bigserial primary key,
    account_id integer not null references accounts (id) on delete cascade,
    at timestamptz not null
);
