CREATE TABLE prices (
    id SERIAL PRIMARY KEY,
    amount NUMERIC(10,2) NOT NULL,
    rate NUMERIC(18,8),
    whole NUMERIC(12),
    unbounded NUMERIC,
    tax DECIMAL(5,4) NOT NULL,
    huge numeric(1000,0),
    ratio decimal
);
