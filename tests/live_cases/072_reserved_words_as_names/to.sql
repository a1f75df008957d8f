create table "user" (
    id serial primary key,
    "name" text not null,
    "group" text,
    "default" boolean not null default false
);

create table "order" (
    "select" integer primary key,
    "from" integer not null references "user" (id),
    "where" text check ("where" <> ''),
    "table" varchar(20),
    "limit" int default 10,
    "desc" text
);

create index "index" on "order" ("from", "desc" desc);
create unique index "unique" on "order" ("table") where "table" is not null;
