-- ~ column events.id: type serial -> bigserial
--   table-rewrite: changing id from serial to bigserial rewrites events and its indexes under an ACCESS EXCLUSIVE lock; on a large table add a new column, backfill it in batches, and switch over
ALTER TABLE public.events ALTER COLUMN id TYPE bigint;
ALTER SEQUENCE public.events_id_seq AS bigint;
