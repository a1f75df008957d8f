create table tickets (
    code text primary key,
    seq serial,
    global_seq bigserial,
    small_seq serial4,
    big_seq serial8
);

create table ticket_log (
    id bigserial primary key,
    ticket_code text not null references tickets (code),
    entry text not null
);
