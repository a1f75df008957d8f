-- - foreign key clicks_session_id_fkey on clicks
ALTER TABLE public.clicks DROP CONSTRAINT clicks_session_id_fkey;

-- ~ table sessions: unlogged
--   table-rewrite: rewrites sessions and its indexes into new files
--   exclusive-lock: sessions is locked ACCESS EXCLUSIVE (no reads, no writes) while it is rewritten
--   from now on the table is not in the WAL: a crash empties it and replicas do not have its rows
ALTER TABLE public.sessions SET UNLOGGED;

-- ~ table clicks: unlogged
--   table-rewrite: rewrites clicks and its indexes into new files
--   exclusive-lock: clicks is locked ACCESS EXCLUSIVE (no reads, no writes) while it is rewritten
--   from now on the table is not in the WAL: a crash empties it and replicas do not have its rows
ALTER TABLE public.clicks SET UNLOGGED;

-- ~ table orders: storage parameters
--   takes a SHARE UPDATE EXCLUSIVE lock (reads and writes go on); the new fillfactor applies to pages written from now on
ALTER TABLE public.orders SET (fillfactor = 80, autovacuum_enabled = off), RESET (parallel_workers);

-- + table cache
CREATE UNLOGGED TABLE public.cache (
    key text NOT NULL,
    user_id bigint NOT NULL,
    CONSTRAINT cache_pkey PRIMARY KEY (key)
) WITH (fillfactor = 90);

-- + foreign key cache_user_id_fkey on cache
ALTER TABLE public.cache ADD CONSTRAINT cache_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users;

-- + foreign key clicks_session_id_fkey on clicks
ALTER TABLE public.clicks ADD CONSTRAINT clicks_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.sessions NOT VALID;

-- ~ validate clicks_session_id_fkey on clicks
--   full-scan: reads every row of clicks under a lock that lets writes continue; fails if a row breaks clicks_session_id_fkey
--   runs in a transaction of its own, after the steps above are committed (schemac diff starts a new file)
ALTER TABLE public.clicks VALIDATE CONSTRAINT clicks_session_id_fkey;
