-- undo ~ hypertable ticks: chunk interval 1 day -> 6 hours
DO $schemac$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM set_chunk_time_interval('public.ticks', INTERVAL '1 day');
    ELSE
        RAISE WARNING 'schemac: TimescaleDB is not installed: % is a plain table (chunk interval not set)', 'ticks';
    END IF;
END
$schemac$;
