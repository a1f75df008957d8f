create table page_views (
    id bigserial primary key,
    url text not null,
    viewed_at timestamptz not null
);

create table tmp_stats (
    day date,
    hits int,
    constraint tmp_stats_pkey primary key (day)
);
