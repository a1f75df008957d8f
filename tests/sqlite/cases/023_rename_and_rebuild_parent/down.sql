-- undo ~ table accounts -> users: rebuilt for NULL allowed in name
ALTER TABLE users RENAME TO accounts;
CREATE TABLE schemac_new_accounts (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO schemac_new_accounts (id, name)
  SELECT id, name FROM accounts;
DROP TABLE accounts;
ALTER TABLE schemac_new_accounts RENAME TO accounts;
