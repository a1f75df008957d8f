CREATE SCHEMA catalog_data;

CREATE TYPE catalog_data.item_kind AS ENUM ('physical', 'digital', 'service');
COMMENT ON TYPE catalog_data.item_kind IS 'What kind of thing is sold';

CREATE TABLE catalog_data.items (
    id serial PRIMARY KEY,
    name text NOT NULL,
    kind catalog_data.item_kind NOT NULL DEFAULT 'physical',
    other_kinds catalog_data.item_kind[]
);
