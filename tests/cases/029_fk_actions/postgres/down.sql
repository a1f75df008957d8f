-- undo ~ validate fk_ledger_account on ledger
--   nothing to undo: validating only checks the existing rows

-- undo + foreign key fk_ledger_account on ledger
ALTER TABLE public.ledger DROP CONSTRAINT fk_ledger_account;

-- undo - foreign key fk_ledger_account on ledger
ALTER TABLE public.ledger ADD CONSTRAINT fk_ledger_account FOREIGN KEY (account_code) REFERENCES public.accounts (code);
