create table tickets (
    code text primary key
);
