create table bookings (
    id bigserial primary key,
    room_id int not null,
    check_in date not null,
    check_out date not null,
    guests smallint not null,
    adults smallint not null
);

alter table bookings add constraint bookings_dates_check check (check_out > check_in);
alter table bookings add constraint bookings_guests_check check (adults <= guests and adults >= 1);
alter table bookings add check (check_out - check_in <= 30);
