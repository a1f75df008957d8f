create table audit_entries (
    id bigserial primary key,
    created_at timestamptz not null default now(),
    updated_at timestamptz default CURRENT_TIMESTAMP,
    logged_on date default current_date,
    local_time timestamp default LOCALTIMESTAMP,
    precise_at timestamptz default clock_timestamp(),
    in_tx_at timestamptz not null default transaction_timestamp()
);
