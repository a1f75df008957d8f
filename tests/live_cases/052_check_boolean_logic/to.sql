CREATE TABLE discounts (
    id serial PRIMARY KEY,
    percent numeric(5,2),
    fixed_amount numeric(10,2),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz,
    active boolean NOT NULL DEFAULT true,
    CONSTRAINT ck_exactly_one_kind CHECK ((percent IS NULL) <> (fixed_amount IS NULL)),
    CONSTRAINT ck_period CHECK (ends_at IS NULL OR ends_at > starts_at),
    CONSTRAINT ck_percent CHECK (NOT (percent < 0 OR percent > 100)),
    CONSTRAINT ck_inactive_has_end CHECK (active OR ends_at IS NOT NULL),
    CONSTRAINT ck_amount CHECK (COALESCE(fixed_amount, 0) >= 0 AND COALESCE(percent, 0) >= 0)
);
