create table events (
    id bigserial primary key,
    account_id bigint not null,
    kind text not null,
    created_at timestamptz not null default now()
);
