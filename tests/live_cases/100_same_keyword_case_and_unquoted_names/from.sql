CREATE TABLE Customers (
    ID SERIAL PRIMARY KEY,
    Email VARCHAR(255) NOT NULL UNIQUE,
    CreatedAt TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX Customers_CreatedAt_Idx ON Customers (CreatedAt DESC);
COMMENT ON TABLE Customers IS 'Customers';
