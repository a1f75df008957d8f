create schema "Sales";

create type "Sales"."DealStage" as enum ('Lead', 'Qualified', 'Won', 'Lost');

create table "Sales"."Region" (
    id int primary key,
    name text not null
);

create table "Sales"."Deal" (
    id bigint generated always as identity primary key,
    region_id int not null references "Sales"."Region" (id),
    "Stage" "Sales"."DealStage" not null default 'Lead',
    "Amount" numeric(14,2)
);

create table sales_summary (
    region_id int primary key references "Sales"."Region",
    won_count int not null default 0
);
