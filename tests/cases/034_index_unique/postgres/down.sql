-- undo + index ux_api_keys_tenant_hash on api_keys
DROP INDEX public.ux_api_keys_tenant_hash;
