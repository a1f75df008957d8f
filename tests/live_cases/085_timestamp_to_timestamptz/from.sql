create table logins (
    id bigserial primary key,
    at timestamp not null default now(),
    expires timestamp(0),
    day date,
    started time
);
