create table logins (
    id bigserial primary key,
    at timestamptz not null default now(),
    expires timestamptz(3),
    day timestamp,
    started time(0)
);
