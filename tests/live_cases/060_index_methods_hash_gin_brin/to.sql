CREATE TABLE logs (
    id bigserial PRIMARY KEY,
    trace_id uuid NOT NULL,
    host text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    attrs jsonb,
    logged_at timestamptz NOT NULL
);

CREATE INDEX logs_trace_hash ON logs USING hash (trace_id);
CREATE INDEX logs_host_hash ON logs USING HASH (host);
CREATE INDEX logs_tags_gin ON logs USING gin (tags);
CREATE INDEX logs_attrs_gin ON logs USING GIN (attrs);
CREATE INDEX logs_logged_at_brin ON logs USING brin (logged_at);
CREATE INDEX logs_id_brin ON logs USING brin (id) WHERE id > 0;
