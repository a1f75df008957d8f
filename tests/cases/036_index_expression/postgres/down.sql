-- undo + index ux_users_lower_email on users
DROP INDEX CONCURRENTLY IF EXISTS public.ux_users_lower_email;
