-- - table retired
--   data-loss: every row of retired is deleted; back it up (pg_dump -t) first
--   breaks-running-app: a running application that still reads retired fails: deploy the code that stops using it first
--   loses every row of retired
DROP TABLE public.retired;

-- ~ table notes: row level security enabled
--   the owner of notes sees and writes all of its rows again (other roles still none)
ALTER TABLE public.notes NO FORCE ROW LEVEL SECURITY;

-- ~ table ledger: row level security disabled
--   every role with privileges on ledger sees all of its rows again
ALTER TABLE public.ledger DISABLE ROW LEVEL SECURITY;

-- + table secrets
CREATE TABLE public.secrets (
    id bigint NOT NULL,
    CONSTRAINT secrets_pkey PRIMARY KEY (id)
);

-- + seed row secrets (id=1)
INSERT INTO public.secrets (id) VALUES (1) ON CONFLICT (id) DO NOTHING;

-- ~ table secrets: row level security enabled
--   roles other than the owner see and write no row of secrets unless they have BYPASSRLS (schemac does not declare policies yet)
ALTER TABLE public.secrets ENABLE ROW LEVEL SECURITY;

-- ~ table accounts: row level security forced
--   breaks-running-app: roles other than the owner, and the owner too, now see and write no row of accounts unless they have BYPASSRLS (schemac does not declare policies yet)
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.accounts FORCE ROW LEVEL SECURITY;
