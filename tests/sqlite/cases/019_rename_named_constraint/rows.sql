INSERT INTO accounts (id, name) VALUES ('a1', 'Alice'), ('a2', 'Bob');
INSERT INTO trades (id, account_id, symbol, qty, note) VALUES (1, 'a1', 'ETH', 2.5, 'first'), (2, 'a2', 'BTC', 1, NULL);
