INSERT INTO accounts (id, name, note) VALUES ('a4', 'Dave', 'not a seed row');
