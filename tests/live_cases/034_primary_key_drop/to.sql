create table page_views (
    id bigserial,
    url text not null,
    viewed_at timestamptz not null
);

create table tmp_stats (
    day date not null,
    hits int
);
