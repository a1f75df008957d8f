create schema legacy;

create type legacy.import_state as enum ('queued', 'running', 'done', 'failed');

create table legacy.imports (
    id serial primary key,
    state legacy.import_state not null default 'queued',
    file_name text not null
);

create table legacy.import_errors (
    import_id int not null references legacy.imports on delete cascade,
    line_no int not null,
    message text,
    primary key (import_id, line_no)
);

create table users (
    id serial primary key,
    name text not null
);
