-- undo - primary key event_log
ALTER TABLE public.event_log ADD CONSTRAINT event_log_pkey PRIMARY KEY (id);
