create table events (
    id bigserial primary key,
    account_id bigint not null,
    kind text not null,
    created_at timestamptz not null default now()
);

create index on events (account_id);
create index events_kind_created_at_idx on events (kind, created_at);
create index idx_events_created on events using btree (created_at);
