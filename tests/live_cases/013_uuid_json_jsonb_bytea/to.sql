create table documents (
    id uuid primary key,
    external_id uuid,
    raw_json json,
    attributes jsonb not null,
    content bytea,
    thumbnail bytea not null
);
