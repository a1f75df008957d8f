-- undo - column accounts.fax_number
--   re-adds column accounts.fax_number without its old values
ALTER TABLE public.accounts ADD COLUMN fax_number varchar(30);

-- undo - column accounts.legacy_code
--   re-adds column accounts.legacy_code without its old values
ALTER TABLE public.accounts ADD COLUMN legacy_code integer NOT NULL DEFAULT 0;
