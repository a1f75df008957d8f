CREATE TABLE logs (
    id bigserial PRIMARY KEY,
    trace_id uuid NOT NULL,
    host text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    attrs jsonb,
    logged_at timestamptz NOT NULL
);
