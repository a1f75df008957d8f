create table tasks (
    id serial primary key,
    assignee_id integer,
    done boolean not null default false,
    deleted_at timestamptz,
    due_on date
);

create index tasks_open_by_assignee on tasks (assignee_id) where not done;
create index tasks_live_due on tasks (due_on) where deleted_at is null and due_on is not null;
create unique index tasks_one_open_per_assignee on tasks (assignee_id) where done = false and assignee_id is not null;
create index tasks_recent on tasks (id) where due_on > '2024-01-01';
