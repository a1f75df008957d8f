create table notes (
    id serial primary key,
    body text
);

comment on table notes is 'It''s the "notes" table; see docs/notes.md';
comment on column notes.body is E'Markdown body.\nSecond line with a tab:\tand a backslash: \\';
-- An empty comment is no comment: PostgreSQL removes it (here: there was none).
comment on column notes.id is '';
