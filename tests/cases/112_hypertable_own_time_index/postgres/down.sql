-- undo + index events_at_idx on events
DROP INDEX public.events_at_idx;

-- undo - index events_at_idx on events (TimescaleDB's time index)
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
