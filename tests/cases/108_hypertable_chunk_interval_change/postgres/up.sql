-- ~ hypertable ticks: chunk interval 1 day -> 6 hours
--   chunks created from now on span the new interval; existing chunks keep theirs
DO $schemac$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM set_chunk_time_interval('public.ticks', INTERVAL '6 hours');
    ELSE
        RAISE WARNING 'schemac: TimescaleDB is not installed: % is a plain table (chunk interval not set)', 'ticks';
    END IF;
END
$schemac$;
