-- + table flags
CREATE TABLE public.flags (
    id serial NOT NULL,
    enabled boolean NOT NULL DEFAULT (NOT false),
    settings jsonb NOT NULL DEFAULT ('{}'::jsonb),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL DEFAULT (now() + interval '30 days'),
    label text NOT NULL DEFAULT (upper('x')),
    CONSTRAINT flags_pkey PRIMARY KEY (id)
);
