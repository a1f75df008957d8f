-- undo + seed row accounts (id=a3)
DELETE FROM accounts WHERE id = 'a3';

-- undo ~ seed row accounts (id=a1)
UPDATE accounts SET name = 'Alice' WHERE id = 'a1';

-- undo - seed row accounts (id=a2)
INSERT INTO accounts (id, name) VALUES ('a2', 'Bob') ON CONFLICT (id) DO NOTHING;
