create table authors (
    id integer primary key,
    name text not null
);

create table drafts (
    id integer primary key,
    author_id integer not null references authors (id),
    body text
);

create index drafts_author_id_idx on drafts (author_id);
