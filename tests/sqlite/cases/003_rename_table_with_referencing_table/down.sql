-- undo > table accounts -> users
ALTER TABLE users RENAME TO accounts;
