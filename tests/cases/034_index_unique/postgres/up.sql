-- + index ux_api_keys_tenant_hash on api_keys
--   may-fail: fails if existing rows have duplicates
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE UNIQUE INDEX CONCURRENTLY ux_api_keys_tenant_hash ON public.api_keys (tenant_id, key_hash);
