create table widgets (
    id serial primary key,
    settings jsonb,
    raw json,
    blob bytea,
    owner_id uuid
);
