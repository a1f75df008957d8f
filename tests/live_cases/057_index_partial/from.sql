create table tasks (
    id serial primary key,
    assignee_id integer,
    done boolean not null default false,
    deleted_at timestamptz,
    due_on date
);
