create table reviews (
    id int primary key,
    stars int not null,
    status text not null,
    constraint reviews_stars_check check (stars between 1 and 5),
    constraint reviews_status_check check (status in ('new', 'ok', 'spam'))
);
