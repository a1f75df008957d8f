CREATE TABLE ledger (
    id bigserial PRIMARY KEY,
    amount numeric(18,4) NOT NULL DEFAULT 0,
    fx_rate numeric(12,6),
    quantity numeric(20,8),
    fee numeric CHECK (fee >= 0)
);
