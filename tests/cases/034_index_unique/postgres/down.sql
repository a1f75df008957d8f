-- undo + index ux_api_keys_tenant_hash on api_keys
DROP INDEX CONCURRENTLY IF EXISTS public.ux_api_keys_tenant_hash;
