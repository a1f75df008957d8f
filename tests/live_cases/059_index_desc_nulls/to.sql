create table scores (
    id serial primary key,
    player text not null,
    points integer,
    recorded_at timestamptz not null
);

create index scores_points_desc on scores (points desc);
create index scores_points_nulls_first on scores (points nulls first);
create index scores_points_desc_nulls_last on scores (points desc nulls last);
create index scores_player_recent on scores (player asc, recorded_at desc);
create index scores_explicit_defaults on scores (recorded_at asc nulls last, points desc nulls first);
