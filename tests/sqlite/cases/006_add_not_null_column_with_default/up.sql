-- + column trades.fee
ALTER TABLE trades ADD COLUMN fee REAL NOT NULL DEFAULT 0.1;
