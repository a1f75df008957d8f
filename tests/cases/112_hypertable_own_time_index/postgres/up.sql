-- - index events_at_idx on events (TimescaleDB's time index)
--   exclusive-lock: DROP INDEX locks events (ACCESS EXCLUSIVE): its reads and writes wait
--   a hypertable created from this schema has none (it has its own index on the time column, or create_default_indexes is false)
DROP INDEX IF EXISTS public.events_at_idx;

-- + index events_at_idx on events
--   exclusive-lock: writes to events wait while the index builds (TimescaleDB builds no index on a hypertable concurrently)
CREATE INDEX events_at_idx ON public.events (at);
