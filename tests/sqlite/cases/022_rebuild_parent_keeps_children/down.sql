-- undo ~ table accounts: rebuilt for check tier_valid
--   data-loss: loses the values of tier (the rebuild back does not copy them)
CREATE TABLE schemac_new_accounts (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO schemac_new_accounts (id, name)
  SELECT id, name FROM accounts;
DROP TABLE accounts;
ALTER TABLE schemac_new_accounts RENAME TO accounts;
