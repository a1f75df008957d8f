create table authors (
    id serial primary key,
    name varchar(100) not null,
    bio text
);

create table posts (
    id serial primary key,
    author_id int references authors(id),
    title varchar(200) not null,
    body text,
    published boolean default false,
    created_at timestamp default current_timestamp
);

create index posts_author_idx on posts(author_id);
create index posts_title_idx on posts(title);

create table tags (
    name varchar(50) primary key
);
