-- + index ux_users_lower_email on users
--   exclusive-lock: writes to users wait while the index builds; set concurrently: true to build it without blocking writes
--   may-fail: fails if existing rows have duplicates
CREATE UNIQUE INDEX ux_users_lower_email ON public.users ((lower(email)));
