-- undo > column accounts.id -> account_id
ALTER TABLE accounts RENAME COLUMN account_id TO id;

-- undo - column accounts.note
--   brings the column back empty (its default or NULL)
ALTER TABLE accounts ADD COLUMN note TEXT;

-- undo - seed row accounts (id=a2)
INSERT INTO accounts (id, name, note) VALUES ('a2', 'Bob', 'gone') ON CONFLICT (id) DO NOTHING;
