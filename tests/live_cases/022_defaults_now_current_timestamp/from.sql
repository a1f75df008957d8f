create table audit_entries (
    id bigserial primary key,
    created_at timestamptz not null,
    updated_at timestamptz,
    logged_on date,
    local_time timestamp
);
