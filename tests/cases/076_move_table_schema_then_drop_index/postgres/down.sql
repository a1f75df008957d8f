-- undo > table audit_log -> ops.audit_log
ALTER TABLE ops.audit_log SET SCHEMA public;

-- undo - index idx_audit_kind on audit_log
CREATE INDEX CONCURRENTLY idx_audit_kind ON public.audit_log (kind);

-- undo + schema ops
DROP SCHEMA ops;
