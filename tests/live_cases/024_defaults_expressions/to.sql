create table invoices (
    id serial primary key,
    number text default 'INV-' || to_char(now(), 'YYYY'),
    due_at timestamptz default now() + interval '30 days',
    total numeric(12,2) default (10 * 2.5),
    code text default lower('ABC'),
    random_pick integer default floor(random() * 100)::int,
    slug text default md5(random()::text),
    year_part int default extract(year from current_date)
);
