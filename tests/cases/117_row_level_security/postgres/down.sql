-- undo ~ table accounts: row level security forced
ALTER TABLE public.accounts DISABLE ROW LEVEL SECURITY;
ALTER TABLE public.accounts NO FORCE ROW LEVEL SECURITY;

-- undo ~ table secrets: row level security enabled

-- undo + seed row secrets (id=1)
DELETE FROM public.secrets WHERE id = 1;

-- undo + table secrets
--   data-loss: drops table secrets with every row written since it was created
DROP TABLE public.secrets;

-- undo ~ table ledger: row level security disabled
ALTER TABLE public.ledger ENABLE ROW LEVEL SECURITY;

-- undo ~ table notes: row level security enabled
ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;

-- undo - table retired
--   recreates retired empty: its rows are not restored
CREATE TABLE public.retired (
    id bigint NOT NULL,
    CONSTRAINT retired_pkey PRIMARY KEY (id)
);
ALTER TABLE public.retired ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.retired FORCE ROW LEVEL SECURITY;
