-- + schema crypto
CREATE SCHEMA crypto;

-- + extension pgcrypto
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA crypto;

-- + extension pg_trgm
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- + column users.token
--   table-rewrite: filling token per row rewrites users under an ACCESS EXCLUSIVE lock; add it nullable without a default, backfill in batches, then set the default
ALTER TABLE public.users ADD COLUMN token text NOT NULL DEFAULT encode(crypto.gen_random_bytes(8), 'hex');

-- - extension citext
--   data-loss: the rows of the extension's own tables, if it has any, are deleted
--   breaks-running-app: the functions, types and operators of citext are gone: SQL of the running application that uses them fails
--   may-fail: fails while an object outside the schema (a view, a function, a column of another schema) uses it: no CASCADE drops what the schema does not list
--   drops extension citext with whatever rows its own tables hold
DROP EXTENSION citext;
