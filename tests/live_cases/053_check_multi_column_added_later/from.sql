create table bookings (
    id bigserial primary key,
    room_id int not null,
    check_in date not null,
    check_out date not null,
    guests smallint not null,
    adults smallint not null
);
