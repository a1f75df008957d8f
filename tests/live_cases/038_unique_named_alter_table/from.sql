create table api_keys (
    id bigserial primary key,
    owner_id bigint not null,
    label text not null,
    key_hash bytea not null
);
