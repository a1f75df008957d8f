-- undo - table sessions
--   recreates sessions empty: its rows are not restored
CREATE TABLE public.sessions (
    id bigserial NOT NULL,
    user_id integer NOT NULL,
    token text NOT NULL,
    CONSTRAINT sessions_pkey PRIMARY KEY (id)
);
CREATE INDEX sessions_user_id_idx ON public.sessions (user_id);
COMMENT ON TABLE public.sessions IS 'Login sessions';
COMMENT ON COLUMN public.sessions.token IS 'opaque token';
