-- undo + foreign key audit_log_symbol_fkey on ops.audit_log
ALTER TABLE ops.audit_log DROP CONSTRAINT audit_log_symbol_fkey;

-- undo + table users
--   data-loss: drops table users with every row written since it was created
DROP TABLE public.users;

-- undo + table ops.audit_log
--   data-loss: drops table ops.audit_log with every row written since it was created
DROP TABLE ops.audit_log;

-- undo + table market.instruments
--   data-loss: drops table market.instruments with every row written since it was created
DROP TABLE market.instruments;

-- undo + enum market.feed_kind
DROP TYPE market.feed_kind;

-- undo + schema ops
DROP SCHEMA ops;

-- undo + schema market
DROP SCHEMA market;
