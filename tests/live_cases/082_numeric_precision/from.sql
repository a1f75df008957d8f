CREATE TABLE ledger (
    id bigserial PRIMARY KEY,
    amount numeric(10,2) NOT NULL DEFAULT 0,
    fx_rate numeric(10,4),
    quantity numeric,
    fee numeric(8,2) CHECK (fee >= 0)
);
