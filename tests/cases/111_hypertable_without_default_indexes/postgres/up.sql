-- + table events
CREATE TABLE public.events (
    at timestamptz NOT NULL,
    kind text NOT NULL,
    CONSTRAINT events_pkey PRIMARY KEY (kind, at)
);

-- + hypertable events
DO $schemac$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM create_hypertable('public.events', 'at', create_default_indexes => false, migrate_data => true, if_not_exists => true);
    ELSE
        RAISE WARNING 'schemac: TimescaleDB is not installed: % stays a plain table (hypertable skipped)', 'events';
    END IF;
END
$schemac$;
