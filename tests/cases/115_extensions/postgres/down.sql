-- undo - extension citext
CREATE EXTENSION IF NOT EXISTS citext;

-- undo + column users.token
--   data-loss: loses the values of column users.token
ALTER TABLE public.users DROP COLUMN token;

-- undo + extension pg_trgm
--   drops extension pg_trgm (without CASCADE: it fails while an object the migrations did not drop uses it)
DROP EXTENSION pg_trgm;

-- undo + extension pgcrypto
--   drops extension pgcrypto (without CASCADE: it fails while an object the migrations did not drop uses it)
DROP EXTENSION pgcrypto;

-- undo + schema crypto
DROP SCHEMA crypto;
