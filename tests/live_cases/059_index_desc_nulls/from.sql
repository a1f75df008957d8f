create table scores (
    id serial primary key,
    player text not null,
    points integer,
    recorded_at timestamptz not null
);
