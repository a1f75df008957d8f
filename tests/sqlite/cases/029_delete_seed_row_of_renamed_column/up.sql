-- - seed row accounts (id=a2)
--   data-loss: the row is deleted (and rows referencing it, if their foreign key cascades)
--   deletes the seed row id=a2 of accounts
DELETE FROM accounts WHERE id = 'a2';

-- - column accounts.note
--   data-loss: the values of accounts.note are deleted
--   table-rewrite: SQLite rewrites every row of accounts to drop the column, with the database locked for writing
--   loses the values of column accounts.note
ALTER TABLE accounts DROP COLUMN note;

-- > column accounts.id -> account_id
--   breaks-running-app: SQL that names column id stops working; deploy code that works with both names first
ALTER TABLE accounts RENAME COLUMN id TO account_id;
