INSERT INTO venues (id, name) VALUES ('v1', 'Venue One');
