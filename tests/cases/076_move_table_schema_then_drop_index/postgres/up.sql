-- + schema ops
CREATE SCHEMA ops;

-- - index idx_audit_kind on audit_log
--   exclusive-lock: DROP INDEX locks audit_log (ACCESS EXCLUSIVE): its reads and writes wait, also behind any long transaction on it; set concurrently: true to drop it without blocking them
DROP INDEX public.idx_audit_kind;

-- > table audit_log -> ops.audit_log
--   breaks-running-app: SQL that names audit_log stops working; deploy code that works with both names, or use a view with the old name during the switch
ALTER TABLE public.audit_log SET SCHEMA ops;
