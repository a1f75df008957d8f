create table reviews (
    id int primary key,
    stars int not null,
    status text not null,
    constraint reviews_stars_check check (stars >= 1 and stars <= 5),
    constraint reviews_status_check check (status = any (array['new', 'ok', 'spam']))
);
