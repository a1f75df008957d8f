-- + column trades.price
ALTER TABLE trades ADD COLUMN price REAL;
