-- + unique users_email_key on users
--   may-fail: fails if existing rows have duplicates; the INVALID index the failed build leaves is dropped, and `schemac apply --resume` builds it again
--   the index is built without blocking reads or writes, then attached with a brief ACCESS EXCLUSIVE lock
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users (email);
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;

-- + unique uq_users_tenant_handle on users
--   may-fail: fails if existing rows have duplicates; the INVALID index the failed build leaves is dropped, and `schemac apply --resume` builds it again
--   the index is built without blocking reads or writes, then attached with a brief ACCESS EXCLUSIVE lock
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE UNIQUE INDEX CONCURRENTLY uq_users_tenant_handle ON public.users (tenant_id, handle);
ALTER TABLE public.users ADD CONSTRAINT uq_users_tenant_handle UNIQUE USING INDEX uq_users_tenant_handle;
