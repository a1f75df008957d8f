create table paths (
    id serial primary key,
    path text not null
);
create index paths_prefix_idx on paths (path text_pattern_ops);
