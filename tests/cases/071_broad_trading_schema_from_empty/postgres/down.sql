-- undo + foreign key signals_instrument_id_fkey on ml.signals
ALTER TABLE ml.signals DROP CONSTRAINT signals_instrument_id_fkey;

-- undo + foreign key bars_instrument_id_fkey on market.bars
ALTER TABLE market.bars DROP CONSTRAINT bars_instrument_id_fkey;

-- undo + foreign key instruments_exchange_code_fkey on market.instruments
ALTER TABLE market.instruments DROP CONSTRAINT instruments_exchange_code_fkey;

-- undo + seed row market.exchanges (code=XNYS)
DELETE FROM market.exchanges WHERE code = 'XNYS';

-- undo + seed row market.exchanges (code=XNAS)
DELETE FROM market.exchanges WHERE code = 'XNAS';

-- undo + hypertable market.bars
--   nothing to undo here: the table's own reverse drops it

-- undo ~ comment on column ml.signals.confidence
COMMENT ON COLUMN ml.signals.confidence IS NULL;

-- undo ~ comment on table market.instruments
COMMENT ON TABLE market.instruments IS NULL;

-- undo ~ comment on enum market.signal_side
COMMENT ON TYPE market.signal_side IS NULL;

-- undo + index idx_signals_confident on ml.signals
DROP INDEX ml.idx_signals_confident;

-- undo + index signals_instrument_id_created_at_idx on ml.signals
DROP INDEX ml.signals_instrument_id_created_at_idx;

-- undo + index instruments_attributes_idx on market.instruments
DROP INDEX market.instruments_attributes_idx;

-- undo + index instruments_lower_idx on market.instruments
DROP INDEX market.instruments_lower_idx;

-- undo + table ml.signals
--   data-loss: drops table ml.signals with every row written since it was created
DROP TABLE ml.signals;

-- undo + table market.bars
--   data-loss: drops table market.bars with every row written since it was created
DROP TABLE market.bars;

-- undo + table market.instruments
--   data-loss: drops table market.instruments with every row written since it was created
DROP TABLE market.instruments;

-- undo + table market.exchanges
--   data-loss: drops table market.exchanges with every row written since it was created
DROP TABLE market.exchanges;

-- undo + enum market.signal_side
DROP TYPE market.signal_side;

-- undo + schema ml
DROP SCHEMA ml;

-- undo + schema market
DROP SCHEMA market;
