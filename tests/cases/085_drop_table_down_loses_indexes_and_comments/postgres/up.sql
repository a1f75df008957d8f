-- - table sessions
--   data-loss: every row of sessions is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads sessions fails: deploy the code that stops using it first
--   loses every row of sessions
DROP TABLE public.sessions;
