-- - column t.note
--   data-loss: the values of t.note are deleted
--   breaks-running-app: a running application that still reads note fails: deploy the code that stops using it first
--   loses every value of column t.note
ALTER TABLE public.t DROP COLUMN note;
