CREATE TABLE customers (
    id serial PRIMARY KEY,
    name text NOT NULL,
    fax varchar(30),
    pager varchar(30),
    legacy_code char(8) UNIQUE,
    legacy_score integer CHECK (legacy_score > 0),
    legacy_flags text[] DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX customers_fax_idx ON customers (fax);
COMMENT ON COLUMN customers.pager IS 'nobody has one any more';
