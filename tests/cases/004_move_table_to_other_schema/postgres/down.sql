-- undo > table audit_log -> ops.audit_log
ALTER TABLE ops.audit_log SET SCHEMA public;

-- undo + schema ops
DROP SCHEMA ops;
