-- - index events_by_time on events
--   exclusive-lock: DROP INDEX locks events (ACCESS EXCLUSIVE): its reads and writes wait, also behind any long transaction on it (TimescaleDB builds no index on a hypertable concurrently)
DROP INDEX public.events_by_time;

-- + index events_at_idx on events (TimescaleDB's time index)
--   exclusive-lock: writes to events wait while the index builds (TimescaleDB builds no index on a hypertable concurrently)
--   create_hypertable made none (the table had its own index on the time column, or create_default_indexes was false); a hypertable created from this schema has it
DO $schemac$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        IF EXISTS (SELECT 1 FROM timescaledb_information.hypertables h
                   WHERE format('%I.%I', h.hypertable_schema, h.hypertable_name)::regclass = 'public.events'::regclass) THEN
            CREATE INDEX IF NOT EXISTS events_at_idx ON public.events (at DESC);
        END IF;
    END IF;
END
$schemac$;
