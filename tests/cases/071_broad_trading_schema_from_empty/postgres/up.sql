-- + schema market
CREATE SCHEMA market;

-- + schema ml
CREATE SCHEMA ml;

-- + enum market.signal_side
CREATE TYPE market.signal_side AS ENUM ('buy', 'sell', 'hold');

-- + table market.exchanges
CREATE TABLE market.exchanges (
    code varchar(10) NOT NULL,
    name text NOT NULL,
    timezone text NOT NULL DEFAULT 'America/New_York',
    CONSTRAINT exchanges_pkey PRIMARY KEY (code)
);

-- + table market.instruments
CREATE TABLE market.instruments (
    id serial NOT NULL,
    symbol varchar(20) NOT NULL,
    exchange_code varchar(10) NOT NULL,
    attributes jsonb NOT NULL DEFAULT '{}',
    CONSTRAINT instruments_pkey PRIMARY KEY (id),
    CONSTRAINT instruments_symbol_key UNIQUE (symbol)
);

-- + table market.bars
CREATE TABLE market.bars (
    instrument_id integer NOT NULL,
    "time" timestamptz NOT NULL,
    open numeric(18,8) NOT NULL,
    high numeric(18,8) NOT NULL,
    low numeric(18,8) NOT NULL,
    close numeric(18,8) NOT NULL,
    volume bigint,
    CONSTRAINT bars_pkey PRIMARY KEY (instrument_id, "time"),
    CONSTRAINT ck_bars_high_low CHECK (high >= low)
);

-- + table ml.signals
CREATE TABLE ml.signals (
    id bigserial NOT NULL,
    instrument_id integer NOT NULL,
    side market.signal_side NOT NULL,
    confidence double precision NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT signals_pkey PRIMARY KEY (id),
    CONSTRAINT ck_signals_confidence CHECK (confidence BETWEEN 0 AND 1)
);

-- + index instruments_lower_idx on market.instruments
CREATE INDEX instruments_lower_idx ON market.instruments ((lower(symbol)));

-- + index instruments_attributes_idx on market.instruments
CREATE INDEX instruments_attributes_idx ON market.instruments USING gin (attributes);

-- + index signals_instrument_id_created_at_idx on ml.signals
CREATE INDEX signals_instrument_id_created_at_idx ON ml.signals (instrument_id, created_at DESC);

-- + index idx_signals_confident on ml.signals
CREATE INDEX idx_signals_confident ON ml.signals (created_at) WHERE confidence > 0.8;

-- ~ comment on enum market.signal_side
COMMENT ON TYPE market.signal_side IS 'Direction suggested by a model';

-- ~ comment on table market.instruments
COMMENT ON TABLE market.instruments IS 'Tradable symbols';

-- ~ comment on column ml.signals.confidence
COMMENT ON COLUMN ml.signals.confidence IS 'Between 0 and 1';

-- + hypertable market.bars
DO $schemac$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM create_hypertable('market.bars', 'time', chunk_time_interval => INTERVAL '7 days', migrate_data => true, if_not_exists => true);
    ELSE
        RAISE WARNING 'schemac: TimescaleDB is not installed: % stays a plain table (hypertable skipped)', 'market.bars';
    END IF;
END
$schemac$;

-- + seed row market.exchanges (code=XNAS)
INSERT INTO market.exchanges (code, name) VALUES ('XNAS', 'Nasdaq') ON CONFLICT (code) DO NOTHING;

-- + seed row market.exchanges (code=XNYS)
INSERT INTO market.exchanges (code, name) VALUES ('XNYS', 'New York Stock Exchange') ON CONFLICT (code) DO NOTHING;

-- + foreign key instruments_exchange_code_fkey on market.instruments
ALTER TABLE market.instruments ADD CONSTRAINT instruments_exchange_code_fkey FOREIGN KEY (exchange_code) REFERENCES market.exchanges (code) ON UPDATE CASCADE;

-- + foreign key bars_instrument_id_fkey on market.bars
ALTER TABLE market.bars ADD CONSTRAINT bars_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES market.instruments ON DELETE CASCADE;

-- + foreign key signals_instrument_id_fkey on ml.signals
ALTER TABLE ml.signals ADD CONSTRAINT signals_instrument_id_fkey FOREIGN KEY (instrument_id) REFERENCES market.instruments;
