INSERT INTO events (id, kind) VALUES (1, 'a'), (7, 'b');
INSERT INTO settings (key, value) VALUES ('mode', 'live'), ('tz', 'UTC');
