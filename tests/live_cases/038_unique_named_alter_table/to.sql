create table api_keys (
    id bigserial primary key,
    owner_id bigint not null,
    label text not null,
    key_hash bytea not null
);

alter table api_keys add constraint uq_api_keys_owner_label unique (owner_id, label);
alter table api_keys add constraint uq_api_keys_hash unique (key_hash);
