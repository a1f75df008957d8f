create table widgets (
    id serial primary key,
    settings jsonb not null default '{}',
    raw json default '{"mode": "auto", "level": 3}',
    blob bytea default '\xdeadbeef',
    empty_blob bytea default '',
    owner_id uuid default 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
    options jsonb default '{"colors": ["red", "green"], "nested": {"ok": true}}'::jsonb,
    items jsonb default '[]'::jsonb
);
