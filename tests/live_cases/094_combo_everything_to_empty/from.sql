CREATE SCHEMA app;
CREATE TYPE app.state AS ENUM ('on', 'off');

CREATE TABLE app.devices (
    id serial PRIMARY KEY,
    state app.state NOT NULL DEFAULT 'off',
    name varchar(40) NOT NULL UNIQUE
);

CREATE TABLE app.device_logs (
    device_id integer NOT NULL REFERENCES app.devices ON DELETE CASCADE,
    at timestamptz NOT NULL,
    line text,
    PRIMARY KEY (device_id, at)
);
CREATE INDEX device_logs_at_idx ON app.device_logs USING brin (at);

CREATE TABLE public.config (
    k text PRIMARY KEY,
    v text
);
COMMENT ON TABLE public.config IS 'key/value settings';
