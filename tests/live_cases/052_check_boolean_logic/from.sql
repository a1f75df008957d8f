CREATE TABLE discounts (
    id serial PRIMARY KEY,
    percent numeric(5,2),
    fixed_amount numeric(10,2),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz,
    active boolean NOT NULL DEFAULT true
);
