-- + schema ops
CREATE SCHEMA ops;

-- - index idx_audit_kind on audit_log
--   runs outside a transaction block (schemac diff puts it in a file of its own)
DROP INDEX CONCURRENTLY IF EXISTS public.idx_audit_kind;

-- > table audit_log -> ops.audit_log
--   breaks-running-app: SQL that names audit_log stops working; deploy code that works with both names, or use a view with the old name during the switch
ALTER TABLE public.audit_log SET SCHEMA ops;
