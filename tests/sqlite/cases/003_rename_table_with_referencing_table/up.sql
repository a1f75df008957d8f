-- > table accounts -> users
--   breaks-running-app: SQL that names accounts stops working; deploy code that works with both names first
ALTER TABLE accounts RENAME TO users;
