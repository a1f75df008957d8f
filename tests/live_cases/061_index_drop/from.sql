create table sessions (
    id uuid primary key,
    user_id int not null,
    expires_at timestamptz not null,
    ip text
);

create index sessions_user_id_idx on sessions (user_id);
create index sessions_expires_at_idx on sessions (expires_at desc);
create unique index sessions_user_ip_uidx on sessions (user_id, ip);
