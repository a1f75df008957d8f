-- - column accounts.legacy_code
--   data-loss: the values of accounts.legacy_code are deleted
--   breaks-running-app: a running application that still reads legacy_code fails: deploy the code that stops using it first
--   loses every value of column accounts.legacy_code
ALTER TABLE public.accounts DROP COLUMN legacy_code;

-- - column accounts.fax_number
--   data-loss: the values of accounts.fax_number are deleted
--   breaks-running-app: a running application that still reads fax_number fails: deploy the code that stops using it first
--   loses every value of column accounts.fax_number
ALTER TABLE public.accounts DROP COLUMN fax_number;
