-- undo - column accounts.legacy_code
--   re-adds column accounts.legacy_code without its old values
ALTER TABLE public.accounts ADD COLUMN legacy_code integer NOT NULL DEFAULT 0;
