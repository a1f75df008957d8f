create table invoices (
    id serial primary key,
    number varchar(20) not null,
    customer_name text not null default 'unknown',
    issued_on date not null default current_date,
    paid boolean not null default false,
    paid_at timestamptz,
    total numeric(12,2),
    currency char(3) not null default 'EUR',
    notes text,
    line_count int default 0
);
