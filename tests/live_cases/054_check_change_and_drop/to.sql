CREATE TABLE products (
    id serial PRIMARY KEY,
    price numeric(10,2) NOT NULL,
    stock integer NOT NULL,
    weight_kg real,
    CONSTRAINT products_price_check CHECK (price >= 0),
    CONSTRAINT products_stock_check CHECK (stock >= 0)
);
