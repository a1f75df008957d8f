-- - table legacy_sessions
--   data-loss: every row of legacy_sessions is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads legacy_sessions fails: deploy the code that stops using it first
--   loses every row of legacy_sessions
DROP TABLE public.legacy_sessions;
