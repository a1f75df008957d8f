-- + unique users_email_key on users
--   exclusive-lock: the unique constraint's index is built while users is locked against writes; on a large table build a unique index CONCURRENTLY first and add the constraint USING INDEX
--   may-fail: fails if existing rows have duplicates (or NULLs, for a primary key)
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);

-- + unique uq_users_tenant_handle on users
--   exclusive-lock: the unique constraint's index is built while users is locked against writes; on a large table build a unique index CONCURRENTLY first and add the constraint USING INDEX
--   may-fail: fails if existing rows have duplicates (or NULLs, for a primary key)
ALTER TABLE public.users ADD CONSTRAINT uq_users_tenant_handle UNIQUE (tenant_id, handle);
