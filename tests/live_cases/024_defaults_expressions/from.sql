create table invoices (
    id serial primary key,
    number text,
    due_at timestamptz,
    total numeric(12,2)
);
