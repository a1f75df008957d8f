-- - table signals
--   data-loss: every row of signals is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads signals fails: deploy the code that stops using it first
--   loses every row of signals
DROP TABLE public.signals;

-- - enum signal_side
--   breaks-running-app: the running application can no longer use type signal_side
DROP TYPE public.signal_side;
