-- - primary key event_log
ALTER TABLE public.event_log DROP CONSTRAINT event_log_pkey;
