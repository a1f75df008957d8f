-- + index ux_api_keys_tenant_hash on api_keys
--   exclusive-lock: writes to api_keys wait while the index builds; set concurrently: true to build it without blocking writes
--   may-fail: fails if existing rows have duplicates
CREATE UNIQUE INDEX ux_api_keys_tenant_hash ON public.api_keys (tenant_id, key_hash);
