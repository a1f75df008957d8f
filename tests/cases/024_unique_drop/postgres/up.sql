-- - unique users_email_key on users
ALTER TABLE public.users DROP CONSTRAINT users_email_key;

-- - unique uq_users_tenant_handle on users
ALTER TABLE public.users DROP CONSTRAINT uq_users_tenant_handle;
