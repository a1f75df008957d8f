-- undo + unique uq_users_tenant_handle on users
ALTER TABLE public.users DROP CONSTRAINT IF EXISTS uq_users_tenant_handle;
DROP INDEX CONCURRENTLY IF EXISTS public.uq_users_tenant_handle;

-- undo + unique users_email_key on users
ALTER TABLE public.users DROP CONSTRAINT IF EXISTS users_email_key;
DROP INDEX CONCURRENTLY IF EXISTS public.users_email_key;
