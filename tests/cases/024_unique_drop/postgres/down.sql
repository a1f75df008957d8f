-- undo - unique uq_users_tenant_handle on users
ALTER TABLE public.users ADD CONSTRAINT uq_users_tenant_handle UNIQUE (tenant_id, handle);

-- undo - unique users_email_key on users
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);
