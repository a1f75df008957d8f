-- - seed row accounts (id=a2)
--   data-loss: the row is deleted (and rows referencing it, if their foreign key cascades)
--   deletes the seed row id=a2 of accounts
DELETE FROM accounts WHERE id = 'a2';

-- ~ seed row accounts (id=a1)
UPDATE accounts SET name = 'Alice Smith' WHERE id = 'a1';

-- + seed row accounts (id=a3)
INSERT INTO accounts (id, name) VALUES ('a3', 'Carol') ON CONFLICT (id) DO NOTHING;
