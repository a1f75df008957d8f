-- undo ~ validate clicks_session_id_fkey on clicks
--   nothing to undo: validating only checks the existing rows

-- undo + foreign key clicks_session_id_fkey on clicks
ALTER TABLE public.clicks DROP CONSTRAINT clicks_session_id_fkey;

-- undo + foreign key cache_user_id_fkey on cache
ALTER TABLE public.cache DROP CONSTRAINT cache_user_id_fkey;

-- undo + table cache
--   data-loss: drops table cache with every row written since it was created
DROP TABLE public.cache;

-- undo ~ table orders: storage parameters
ALTER TABLE public.orders SET (fillfactor = 70, parallel_workers = 2), RESET (autovacuum_enabled);

-- undo ~ table clicks: unlogged
ALTER TABLE public.clicks SET LOGGED;

-- undo ~ table sessions: unlogged
ALTER TABLE public.sessions SET LOGGED;

-- undo - foreign key clicks_session_id_fkey on clicks
ALTER TABLE public.clicks ADD CONSTRAINT clicks_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.sessions;
