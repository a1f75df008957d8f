INSERT INTO orders (id, note, tag) VALUES (3, 'not a seed row', X'6f6b');
