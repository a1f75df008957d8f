-- + hypertable ticks
--   table-rewrite: existing rows of ticks are moved into chunks (migrate_data)
DO $schemac$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM create_hypertable('public.ticks', 'ts', migrate_data => true, if_not_exists => true);
    ELSE
        RAISE WARNING 'schemac: TimescaleDB is not installed: % stays a plain table (hypertable skipped)', 'ticks';
    END IF;
END
$schemac$;
