create type post_state as enum ('draft', 'review', 'published', 'archived');

create table authors (
    id serial primary key,
    name varchar(100) not null,
    handle varchar(30) not null unique,
    bio text
);
comment on column authors.handle is 'Public @handle';

create table posts (
    id bigserial primary key,
    author_id int not null references authors(id) on delete cascade,
    title varchar(300) not null,
    slug text not null,
    body text not null default '',
    state post_state not null default 'draft',
    created_at timestamptz not null default current_timestamp,
    published_at timestamptz,
    constraint posts_slug_key unique (slug),
    constraint posts_published_has_date check (state <> 'published' or published_at is not null)
);

create index posts_author_idx on posts(author_id, created_at desc);
create index posts_recent_published on posts(published_at desc nulls last) where state = 'published';

create table tags (
    id serial primary key,
    name varchar(50) not null unique
);

create table post_tags (
    post_id bigint not null references posts on delete cascade,
    tag_id int not null references tags on delete cascade,
    primary key (post_id, tag_id)
);
