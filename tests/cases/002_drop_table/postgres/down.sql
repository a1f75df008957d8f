-- undo - table legacy_sessions
--   recreates legacy_sessions empty: its rows are not restored
CREATE TABLE public.legacy_sessions (
    id bigserial NOT NULL,
    token text NOT NULL,
    started_at timestamptz NOT NULL,
    CONSTRAINT legacy_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT legacy_sessions_token_key UNIQUE (token)
);
