create type task_priority as enum ('low', 'normal', 'high', 'urgent');
create type task_state as enum ('open', 'in_progress', 'blocked', 'done');

create table tasks (
    id serial primary key,
    title text not null,
    priority task_priority not null,
    state task_state,
    previous_state public.task_state
);
