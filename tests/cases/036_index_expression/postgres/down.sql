-- undo + index ux_users_lower_email on users
DROP INDEX public.ux_users_lower_email;
