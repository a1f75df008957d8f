-- + table market_data
CREATE TABLE public.market_data (
    "time" timestamptz NOT NULL,
    symbol varchar(20) NOT NULL,
    price numeric(18,8) NOT NULL,
    CONSTRAINT market_data_pkey PRIMARY KEY (symbol, "time")
);

-- + hypertable market_data
DO $schemac$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM create_hypertable('public.market_data', 'time', chunk_time_interval => INTERVAL '1 day', migrate_data => true, if_not_exists => true);
    ELSE
        RAISE WARNING 'schemac: TimescaleDB is not installed: % stays a plain table (hypertable skipped)', 'market_data';
    END IF;
END
$schemac$;
