INSERT INTO items (id, name, price, qty, legacy) VALUES (1, 'Pen', 2.5, 4, 'old'), (2, 'ink', 1.0, 3, NULL);
