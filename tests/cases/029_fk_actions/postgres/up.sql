-- - foreign key fk_ledger_account on ledger
ALTER TABLE public.ledger DROP CONSTRAINT fk_ledger_account;

-- + foreign key fk_ledger_account on ledger
ALTER TABLE public.ledger ADD CONSTRAINT fk_ledger_account FOREIGN KEY (account_code) REFERENCES public.accounts (code) ON DELETE SET NULL ON UPDATE CASCADE NOT VALID;

-- ~ validate fk_ledger_account on ledger
--   full-scan: reads every row of ledger under a lock that lets writes continue; fails if a row breaks fk_ledger_account
--   runs in a transaction of its own, after the steps above are committed (schemac diff starts a new file)
ALTER TABLE public.ledger VALIDATE CONSTRAINT fk_ledger_account;
