-- + index ux_users_lower_email on users
--   may-fail: fails if existing rows have duplicates
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE UNIQUE INDEX CONCURRENTLY ux_users_lower_email ON public.users ((lower(email)));
