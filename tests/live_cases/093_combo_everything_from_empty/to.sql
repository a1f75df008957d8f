create schema inventory;
create schema "HR";

create type inventory.unit as enum ('piece', 'kg', 'litre');
create type "HR".contract as enum ('full_time', 'part_time', 'contractor');

create table inventory.items (
    id bigint generated always as identity primary key,
    sku varchar(32) not null unique,
    name text not null,
    unit inventory.unit not null default 'piece',
    weight real,
    price numeric(10,2) not null default 0 check (price >= 0),
    barcode char(13),
    attributes jsonb not null default '{}',
    image bytea,
    tags text[] default '{}',
    created_at timestamptz not null default now(),
    external_id uuid default gen_random_uuid()
);
create index items_name_lower_idx on inventory.items (lower(name));
create index items_attributes_idx on inventory.items using gin (attributes);
comment on table inventory.items is 'Things we stock';
comment on column inventory.items.barcode is 'EAN-13';

create table inventory.stock_moves (
    id bigserial primary key,
    item_id bigint not null references inventory.items on delete restrict,
    quantity numeric(12,3) not null check (quantity <> 0),
    moved_at timestamp(3) not null,
    reason varchar(50)
);
create index stock_moves_item_moved_idx on inventory.stock_moves (item_id, moved_at desc);
create index stock_moves_moved_brin on inventory.stock_moves using brin (moved_at);

create table "HR"."Employee" (
    "Id" serial primary key,
    "Name" text not null,
    "Contract" "HR".contract not null,
    "Manager" integer references "HR"."Employee" ("Id") on delete set null,
    "HiredOn" date not null default current_date,
    "WeeklyHours" smallint check ("WeeklyHours" between 0 and 60),
    "Shift" time,
    "Probation" interval default '6 months'
);

create table public.settings (
    key text primary key,
    value json,
    enabled boolean not null default true,
    score double precision default -1.5,
    big bigint default 0
);
